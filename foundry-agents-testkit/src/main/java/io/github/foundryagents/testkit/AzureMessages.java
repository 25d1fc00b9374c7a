package io.github.foundryagents.testkit;

/**
 * Error texts as Azure OpenAI writes them (from captured responses), so clients see the real wording.
 */
final class AzureMessages {

    static final String CONTENT_FILTER = "The response was filtered due to the prompt triggering Azure OpenAI's"
            + " content management policy. Please modify your prompt and retry. To learn more about our content"
            + " filtering policies please read our documentation: https://go.microsoft.com/fwlink/?linkid=2198766";
    static final String INVALID_KEY = "Access denied due to invalid subscription key or wrong API endpoint. Make"
            + " sure to provide a valid key for an active subscription and use a correct regional API endpoint for"
            + " your resource.";
    static final String INVALID_TOKEN = "Unauthorized. Access token is missing, invalid, audience is incorrect"
            + " (https://cognitiveservices.azure.com), or have expired.";
    static final String DEPLOYMENT_NOT_FOUND = "The API deployment for this resource does not exist. If you created"
            + " the deployment within the last 5 minutes, please wait a moment and try again.";
    static final String RESOURCE_NOT_FOUND = "Resource not found";

    private AzureMessages() {
    }

    static String rateLimit(String apiVersion, long seconds) {
        return rateLimit(apiVersion, seconds, true);
    }

    /** Azure's wording differs only in what ran out: "token rate limit" (TPM) or "call rate limit" (RPM). */
    static String rateLimit(String apiVersion, long seconds, boolean tokens) {
        return "Requests to the ChatCompletions_Create Operation under Azure OpenAI API version " + apiVersion
                + " have exceeded " + (tokens ? "token" : "call")
                + " rate limit of your current AIServices S0 pricing tier. Please retry after "
                + seconds + " second" + (seconds == 1 ? "" : "s") + ". Please go here:"
                + " https://aka.ms/oai/quotaincrease if you would like to further increase the default rate limit.";
    }
}
