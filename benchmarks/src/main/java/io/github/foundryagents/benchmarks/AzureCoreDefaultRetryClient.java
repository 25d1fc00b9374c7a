package io.github.foundryagents.benchmarks;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.AddHeadersPolicy;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.core.util.Context;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.foundryagents.core.http.Json;

/**
 * The baseline: a plain chat-completions client with the retry the Azure SDK for Java installs by default, azure-core's
 * {@code new RetryPolicy()} (exponential backoff, 3 retries, 800 ms base, 8 s cap, honouring {@code retry-after-ms},
 * {@code x-ms-retry-after-ms} and {@code retry-after}) — what {@code azure-ai-openai} and every other Azure client
 * builder use unless told otherwise. No pacing. Thread-safe.
 */
final class AzureCoreDefaultRetryClient {

    private final HttpPipeline pipeline;
    private final String url;

    AzureCoreDefaultRetryClient(String endpoint, String apiKey) {
        HttpHeaders fixed = new HttpHeaders().set(HttpHeaderName.fromString("api-key"), apiKey)
                .set(HttpHeaderName.CONTENT_TYPE, "application/json");
        this.pipeline = new HttpPipelineBuilder().httpClient(HttpClient.createDefault())
                .policies(new AddHeadersPolicy(fixed), new RetryPolicy()).build();
        this.url = endpoint + "/openai/v1/chat/completions";
    }

    /**
     * @param body a chat-completions request body
     * @return the answer's {@code usage}
     * @throws IllegalStateException when the final answer, after azure-core's retries, is not a success
     */
    JsonNode complete(byte[] body) {
        HttpRequest request = new HttpRequest(HttpMethod.POST, url).setBody(body);
        try (HttpResponse response = pipeline.sendSync(request, Context.NONE)) {
            byte[] answer = response.getBodyAsBinaryData().toBytes();
            if (response.getStatusCode() / 100 != 2) {
                throw new IllegalStateException("HTTP " + response.getStatusCode());
            }
            return Json.parse(answer).path("usage");
        }
    }
}
