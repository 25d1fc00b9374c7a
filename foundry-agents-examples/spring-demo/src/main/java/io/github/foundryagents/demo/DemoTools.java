package io.github.foundryagents.demo;

import io.github.foundryagents.core.tools.Tool;
import io.github.foundryagents.core.tools.ToolParam;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.springframework.stereotype.Component;

/** A tool the agent may call: any bean's {@code @Tool} methods are registered by the starter. */
@Component
public class DemoTools {

    /**
     * @param zone an IANA time zone
     * @return the current time there
     */
    @Tool(name = "current_time", description = "The current date and time in a time zone")
    public String currentTime(@ToolParam(description = "IANA time zone, e.g. Europe/Paris") String zone) {
        return ZonedDateTime.now(ZoneId.of(zone)).toString();
    }
}
