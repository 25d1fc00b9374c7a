package io.github.foundryagents.core.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.foundryagents.core.AuthenticationException;
import io.github.foundryagents.core.BadRequestException;
import io.github.foundryagents.core.ContentFilterException;
import io.github.foundryagents.core.DeploymentNotFoundException;
import io.github.foundryagents.core.FoundryServiceException;
import io.github.foundryagents.core.NotFoundException;
import io.github.foundryagents.core.PermissionDeniedException;
import io.github.foundryagents.core.RateLimitException;
import io.github.foundryagents.core.ServerException;
import io.github.foundryagents.core.ServiceError;
import io.github.foundryagents.core.resilience.RetryHint;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;

/**
 * Turns an Azure error response into the matching {@link FoundryServiceException} with a message that says
 * what to do. Reads Azure's error body {@code {"error":{"code":..., "message":..., "innererror":{...}}}} and
 * tolerates bodies that are not JSON. Stateless.
 */
public final class ServiceErrors {

    private ServiceErrors() {
    }

    /**
     * @param result the error response
     * @param operation what was attempted, e.g. {@code "Chat completion on deployment 'gpt-4o'"}
     * @param deployment the deployment involved, or {@code null}
     * @return the exception to throw
     */
    public static FoundryServiceException toException(HttpResult result, String operation, String deployment) {
        ServiceError error = read(result);
        String head = operation + " failed with HTTP " + error.status()
                + (error.code() != null && !error.code().equals(Integer.toString(error.status())) ? " " + error.code()
                        : "")
                + (error.message() != null ? ": " + withoutFinalPeriod(error.message()) : "");
        String tail = error.requestId() != null ? " (request id " + error.requestId() + ")" : "";
        return switch (error.status()) {
            case 400 -> isContentFilter(result, error)
                    ? new ContentFilterException(head + ". Azure's content filter refused the prompt: rephrase it, or"
                            + " review the deployment's content filter policy" + tail, error)
                    : new BadRequestException(head + tail, error);
            case 401 -> new AuthenticationException(head + ". Azure did not accept the credential: with managed"
                    + " identity check that AZURE_CLIENT_ID names an identity assigned to this host and that its"
                    + " tokens are for the right tenant; with an API key check the key" + tail, error);
            case 403 -> new PermissionDeniedException(head + ". The identity lacks a role: grant it 'Cognitive"
                    + " Services OpenAI User' on the Azure OpenAI resource (or 'Azure AI User' on the Foundry project"
                    + " for agents); new role assignments take a few minutes to apply" + tail, error);
            case 404 -> "DeploymentNotFound".equals(error.code())
                    ? new DeploymentNotFoundException(head + ". Azure routes by deployment name, which you chose when"
                            + " deploying the model and can differ from the model name: use the name shown in the"
                            + " Foundry portal under Deployments (Terraform azurerm_cognitive_deployment.name), set it"
                            + " with AZURE_OPENAI_DEPLOYMENT_GPT4 / AZURE_OPENAI_DEPLOYMENT_GPT4_MINI or"
                            + " deployment(alias, name); a new deployment can take a few minutes to answer" + tail,
                            error, deployment)
                    : new NotFoundException(head + tail, error);
            case 429 -> new RateLimitException(head + ". The deployment's tokens- or requests-per-minute budget is"
                    + " spent" + (error.retryAfter() != null ? "; Azure asked to wait " + seconds(error.retryAfter())
                            : "") + ". Raise the deployment's capacity or pace requests" + tail, error);
            default -> error.status() == 408 || error.status() >= 500
                    ? new ServerException(head + tail, error)
                    : new FoundryServiceException(head + tail, error, false);
        };
    }

    /**
     * @param result an error response
     * @return Azure's status, code, message, request id and retry hint
     */
    public static ServiceError read(HttpResult result) {
        JsonNode error = errorNode(result);
        RetryHint hint = RetryHint.from(result::header, Clock.systemUTC()).orElse(null);
        return new ServiceError(result.status(), Json.text(error, "code"), Json.text(error, "message"),
                result.requestId(), hint == null ? null : hint.delay(), hint == null ? null : hint.header());
    }

    private static boolean isContentFilter(HttpResult result, ServiceError error) {
        if ("content_filter".equals(error.code())) {
            return true;
        }
        JsonNode inner = errorNode(result) == null ? null : errorNode(result).get("innererror");
        return "ResponsibleAIPolicyViolation".equals(Json.text(inner, "code"));
    }

    private static JsonNode errorNode(HttpResult result) {
        if (result.body().length == 0) {
            return null;
        }
        try {
            JsonNode root = Json.parse(result.body());
            return root.has("error") && root.get("error").isObject() ? root.get("error") : root;
        } catch (UncheckedIOException e) {
            return null; // a proxy's HTML page, say: status and headers still tell the story
        }
    }

    /** Azure's messages end with a period; ours follow with ". …", which would make two. */
    private static String withoutFinalPeriod(String message) {
        String text = message.strip();
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }
}
