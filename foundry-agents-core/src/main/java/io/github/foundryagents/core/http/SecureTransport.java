package io.github.foundryagents.core.http;

import io.github.foundryagents.core.FoundryException;
import io.github.foundryagents.core.config.Endpoints;
import java.net.URL;

/**
 * Guards credentials: they travel over https, or over http only to this machine. Stateless.
 */
final class SecureTransport {

    private SecureTransport() {
    }

    static void require(URL url, String what) {
        boolean https = "https".equalsIgnoreCase(url.getProtocol());
        if (!https && !Endpoints.isLoopback(url.getHost())) {
            throw new FoundryException("Refusing to send " + what + " over " + url.getProtocol() + " to "
                    + url.getHost() + ": use an https:// endpoint (plain http is allowed only for loopback test"
                    + " servers)");
        }
    }
}
