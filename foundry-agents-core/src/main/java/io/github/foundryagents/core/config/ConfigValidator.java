package io.github.foundryagents.core.config;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a configuration and collects every problem with the setting at fault and the fix. Not thread-safe;
 * one instance per validation.
 */
final class ConfigValidator {

    private static final Pattern DEPLOYMENT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern GUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final String ENDPOINT_EXAMPLE = "https://my-resource.openai.azure.com";
    private static final String PROJECT_EXAMPLE = "https://my-resource.services.ai.azure.com/api/projects/my-project";

    private final List<ConfigProblem> problems = new ArrayList<>();

    List<ConfigProblem> problems() {
        return problems;
    }

    void add(String setting, String message) {
        problems.add(new ConfigProblem(setting, message));
    }

    URI endpoint(String raw, boolean allowNonAzureHost) {
        String var = FoundryEnv.AZURE_OPENAI_ENDPOINT;
        if (raw == null || raw.isBlank()) {
            add(var, var + " is required: set it to your resource endpoint, e.g. " + ENDPOINT_EXAMPLE);
            return null;
        }
        Optional<URI> parsed = httpUri(var, raw, ENDPOINT_EXAMPLE);
        if (parsed.isEmpty()) {
            return null;
        }
        URI uri = parsed.get();
        boolean loopback = Endpoints.isLoopback(uri.getHost());
        if (!loopback && !allowNonAzureHost && !Endpoints.isAzureAiHost(uri.getHost())) {
            add(var, var + " host '" + uri.getHost() + "' is not an Azure OpenAI / AI Services host"
                    + " (*.openai.azure.com, *.cognitiveservices.azure.com, *.services.ai.azure.com): use your Azure"
                    + " resource's endpoint, e.g. " + ENDPOINT_EXAMPLE + " (for an API Management gateway in front"
                    + " of Azure OpenAI, opt in with allowNonAzureHost(true))");
            return null;
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (!allowNonAzureHost && !path.isEmpty() && !path.equals("/")) {
            add(var, var + " must be the resource root without a path (got path '" + path + "'): use "
                    + Endpoints.redact(uri.getScheme() + "://" + uri.getAuthority()) + " and name deployments with "
                    + FoundryEnv.AZURE_OPENAI_DEPLOYMENT_GPT4 + " / " + FoundryEnv.AZURE_OPENAI_DEPLOYMENT_GPT4_MINI);
            return null;
        }
        return stripTrailingSlash(uri);
    }

    URI projectEndpoint(String raw) {
        String var = FoundryEnv.PROJECT_ENDPOINT;
        if (raw == null || raw.isBlank()) {
            return null;
        }
        Optional<URI> parsed = httpUri(var, raw, PROJECT_EXAMPLE);
        if (parsed.isEmpty()) {
            return null;
        }
        URI uri = parsed.get();
        boolean hostOk = Endpoints.isLoopback(uri.getHost()) || Endpoints.isAzureAiHost(uri.getHost());
        if (!hostOk || !Endpoints.isProjectPath(uri.getRawPath())) {
            add(var, var + " must look like " + PROJECT_EXAMPLE + " (got '" + Endpoints.redact(raw) + "'): copy it"
                    + " from the Foundry portal's project overview or the Terraform output project_endpoint");
            return null;
        }
        return stripTrailingSlash(uri);
    }

    void apiVersion(String apiVersion) {
        String problem = ApiVersions.problem(apiVersion);
        if (problem != null) {
            add(FoundryEnv.AZURE_OPENAI_API_VERSION, problem);
        }
    }

    void deploymentName(String setting, String name) {
        if (name == null || !DEPLOYMENT_NAME.matcher(name).matches()) {
            add(setting, setting + " '" + name + "' is not a valid deployment name: use the name of the deployment"
                    + " (letters, digits, '.', '_', '-', at most 64 characters) as shown in the Foundry portal or"
                    + " Terraform's azurerm_cognitive_deployment.name");
        }
    }

    void clientId(String clientId) {
        if (clientId != null && !GUID.matcher(clientId).matches()) {
            add(FoundryEnv.AZURE_CLIENT_ID, FoundryEnv.AZURE_CLIENT_ID + " '" + clientId + "' is not a client id:"
                    + " use the user-assigned identity's client id (a GUID, Terraform output identity_client_id)");
        }
    }

    private Optional<URI> httpUri(String var, String raw, String example) {
        String shown = Endpoints.redact(raw);
        Optional<URI> parsed = Endpoints.parse(raw);
        if (parsed.isEmpty() || parsed.get().getScheme() == null || parsed.get().getHost() == null) {
            add(var, var + " must start with https:// (got '" + shown + "'), e.g. " + example);
            return Optional.empty();
        }
        URI uri = parsed.get();
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            add(var, var + " must not contain credentials, a query string or a fragment (got '" + shown + "'), e.g. "
                    + example);
            return Optional.empty();
        }
        String scheme = uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        boolean plainHttpOk = scheme.equals("http") && Endpoints.isLoopback(uri.getHost());
        if (!scheme.equals("https") && !plainHttpOk) {
            add(var, var + " must start with https:// (got '" + shown + "'); plain http is allowed only for a"
                    + " loopback test server such as the testkit's FakeFoundry");
            return Optional.empty();
        }
        return Optional.of(uri);
    }

    private static URI stripTrailingSlash(URI uri) {
        String s = uri.toString();
        return s.endsWith("/") ? URI.create(s.substring(0, s.length() - 1)) : uri;
    }
}
