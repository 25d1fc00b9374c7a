package io.github.foundryagents.core.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Azure OpenAI data-plane api-versions: the default, the oldest GA version still accepted, and validation.
 */
public final class ApiVersions {

    /** The GA version the library is tested against and uses by default: {@value}. */
    public static final String DEFAULT = "2024-10-21";

    /**
     * The oldest GA version accepted: {@value}. Microsoft calls it "the replacement for the previous 2024-06-01 GA
     * API release"; it is the first GA with {@code max_completion_tokens}, {@code parallel_tool_calls} and
     * {@code completion_tokens_details}. Preview versions must be dated after it too.
     */
    public static final String OLDEST_SUPPORTED_GA = "2024-10-21";

    private static final Pattern FORM = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})(-preview)?");

    private ApiVersions() {
    }

    /**
     * @param apiVersion a version such as {@code 2024-10-21} or {@code 2025-04-01-preview}
     * @return why it is not acceptable, or {@code null} when it is
     */
    static String problem(String apiVersion) {
        Matcher m = FORM.matcher(apiVersion);
        if (!m.matches()) {
            return FoundryEnv.AZURE_OPENAI_API_VERSION + " '" + apiVersion + "' is not an api-version: use a dated"
                    + " version such as " + DEFAULT + " (or YYYY-MM-DD-preview)";
        }
        if (m.group(1).compareTo(OLDEST_SUPPORTED_GA) < 0) {
            return FoundryEnv.AZURE_OPENAI_API_VERSION + " " + apiVersion + " is outdated: the oldest supported GA"
                    + " version is " + OLDEST_SUPPORTED_GA + "; use " + DEFAULT;
        }
        return null;
    }
}
