package io.github.foundryagents.core.grounding;

import io.github.foundryagents.core.config.ConfigProblem;
import io.github.foundryagents.core.config.FoundryConfigException;
import io.github.foundryagents.core.config.FoundryEnv;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Foundry project connection id for Grounding with Bing Search:
 * {@code /subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.CognitiveServices/accounts/{a}/projects/{p}/connections/{name}}.
 *
 * <p>The Agent Service accepts any string here and silently runs without grounding when it does not name a
 * connection, so the id is parsed when an agent is built and a malformed one fails at once.
 *
 * @param subscriptionId the subscription GUID
 * @param resourceGroup the resource group
 * @param account the Foundry resource (Cognitive Services account of kind AIServices)
 * @param project the Foundry project
 * @param name the connection name
 */
public record BingConnectionId(String subscriptionId, String resourceGroup, String account, String project,
        String name) {

    /** The shape a connection id must have, as shown in error messages. */
    public static final String FORMAT = "/subscriptions/{subscription-id}/resourceGroups/{resource-group}/providers/"
            + "Microsoft.CognitiveServices/accounts/{account}/projects/{project}/connections/{connection-name}";

    private static final String SEGMENT = "([^/\\s?#]+)";
    private static final Pattern ID = Pattern.compile("(?i)/subscriptions/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-"
            + "[0-9a-f]{4}-[0-9a-f]{12})/resourceGroups/" + SEGMENT + "/providers/Microsoft\\.CognitiveServices/"
            + "accounts/" + SEGMENT + "/projects/" + SEGMENT + "/connections/" + SEGMENT);

    /**
     * @param id the connection id, e.g. the Terraform output {@code bing_connection_id}
     * @return the parsed id
     * @throws FoundryConfigException naming the expected format and the id received when it does not match
     */
    public static BingConnectionId parse(String id) {
        String trimmed = id == null ? "" : id.trim();
        Matcher m = ID.matcher(trimmed);
        if (!m.matches()) {
            throw new FoundryConfigException(List.of(new ConfigProblem(FoundryEnv.BING_CONNECTION_ID,
                    FoundryEnv.BING_CONNECTION_ID + " is not a Foundry project connection id: expected " + FORMAT
                            + ", got '" + trimmed + "'" + hint(trimmed) + ". The Agent Service ignores a malformed id"
                            + " silently and answers without Bing; copy the id from the Terraform output"
                            + " bing_connection_id or the Foundry portal (project > Connected resources)")));
        }
        return new BingConnectionId(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5));
    }

    /** @return the id in its canonical form, as the Agent Service expects it */
    @Override
    public String toString() {
        return "/subscriptions/" + subscriptionId + "/resourceGroups/" + resourceGroup
                + "/providers/Microsoft.CognitiveServices/accounts/" + account + "/projects/" + project
                + "/connections/" + name;
    }

    private static String hint(String id) {
        if (id.isEmpty()) {
            return " (empty)";
        }
        if (!id.contains("/")) {
            return " (that looks like a bare connection name; the service needs the full resource id)";
        }
        if (!id.toLowerCase(java.util.Locale.ROOT).contains("/projects/")) {
            return " (the id has no /projects/{project} segment: use the project-level connection id,"
                    + " {project resource id}/connections/{name})";
        }
        return "";
    }
}
