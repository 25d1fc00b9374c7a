package io.github.foundryagents.core.config;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Rules for endpoint URLs, shared by configuration validation and the HTTP layer. Stateless.
 */
public final class Endpoints {

    /** Host suffixes of Azure OpenAI and AI Services resources, public and sovereign clouds. */
    private static final List<String> AZURE_HOST_SUFFIXES = List.of(
            ".openai.azure.com", ".cognitiveservices.azure.com", ".services.ai.azure.com",
            ".openai.azure.us", ".cognitiveservices.azure.us", ".services.ai.azure.us",
            ".openai.azure.cn", ".cognitiveservices.azure.cn", ".services.ai.azure.cn");

    private static final Pattern PROJECT_PATH = Pattern.compile("/api/projects/[A-Za-z0-9][A-Za-z0-9._-]{0,63}/?");

    private Endpoints() {
    }

    /**
     * @param host a host name or IP literal
     * @return whether the host is this machine (localhost, 127.0.0.0/8, ::1) without a DNS lookup
     */
    public static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return true;
        }
        if (!h.matches("[0-9.]+|[0-9a-f:]+")) {
            return false; // a name other than localhost: never resolve it here
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * @param host a host name
     * @return whether the host belongs to an Azure OpenAI / AI Services resource
     */
    public static boolean isAzureAiHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return AZURE_HOST_SUFFIXES.stream().anyMatch(h::endsWith);
    }

    /**
     * Renders a URL for messages and logs without user info, query string or fragment, which may carry secrets.
     *
     * @param url any URL text
     * @return scheme, host, port and path only; or {@code <unparseable url>}
     */
    public static String redact(String url) {
        if (url == null) {
            return "null";
        }
        Optional<URI> uri = parse(url);
        if (uri.isEmpty() || uri.get().getHost() == null) {
            int cut = indexOfAny(url, '?', '#');
            String head = cut >= 0 ? url.substring(0, cut) : url;
            return head.contains("@") ? "<unparseable url>" : head;
        }
        URI u = uri.get();
        StringBuilder sb = new StringBuilder().append(u.getScheme()).append("://").append(u.getHost());
        if (u.getPort() >= 0) {
            sb.append(':').append(u.getPort());
        }
        if (u.getRawPath() != null) {
            sb.append(u.getRawPath());
        }
        return sb.toString();
    }

    static Optional<URI> parse(String url) {
        try {
            return Optional.of(new URI(url.trim()));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    static boolean isProjectPath(String path) {
        return path != null && PROJECT_PATH.matcher(path).matches();
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : (j < 0 ? i : Math.min(i, j));
    }
}
