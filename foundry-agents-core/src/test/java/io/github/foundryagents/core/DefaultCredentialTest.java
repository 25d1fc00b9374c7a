package io.github.foundryagents.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import io.github.foundryagents.core.config.FoundryConfig;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Without a credential or key the client signs in with {@code DefaultAzureCredential}, as the user-assigned managed
 * identity named by {@code AZURE_CLIENT_ID}. Azure's own credential code runs; only the instance metadata service at
 * 169.254.169.254 is played by an HTTP client that records what it is asked.
 */
class DefaultCredentialTest {

    private static final String CLIENT_ID = "00000000-1111-2222-3333-444444444444";

    @Test
    void asksTheInstanceMetadataServiceForATokenOfTheConfiguredManagedIdentity() {
        List<HttpRequest> asked = new CopyOnWriteArrayList<>();
        HttpClient metadataService = request -> {
            asked.add(request);
            String token = "{\"access_token\":\"mi-token\",\"expires_in\":\"3599\",\"expires_on\":\""
                    + (Instant.now().getEpochSecond() + 3599) + "\",\"resource\":\"https://cognitiveservices.azure.com\","
                    + "\"token_type\":\"Bearer\",\"client_id\":\"" + CLIENT_ID + "\"}";
            return Mono.just(new JsonResponse(request, token));
        };
        FoundryConfig config = FoundryConfig.fromMap(Map.of("AZURE_OPENAI_ENDPOINT", "https://res.openai.azure.com",
                "AZURE_CLIENT_ID", CLIENT_ID));

        TokenCredential credential = ClientAssembly.defaultCredential(config, metadataService);
        AccessToken token = credential.getTokenSync(new TokenRequestContext()
                .addScopes("https://cognitiveservices.azure.com/.default"));

        assertThat(token.getToken()).isEqualTo("mi-token");
        assertThat(asked).isNotEmpty().allSatisfy(r -> assertThat(r.getUrl().getHost()).isEqualTo("169.254.169.254"));
        HttpRequest tokenRequest = asked.get(asked.size() - 1);
        assertThat(tokenRequest.getUrl().getQuery()).contains("client_id=" + CLIENT_ID)
                .contains("resource=https");
    }

    /** A 200 answer with a JSON body. */
    private static final class JsonResponse extends HttpResponse {
        private final byte[] body;

        JsonResponse(HttpRequest request, String json) {
            super(request);
            this.body = json.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public int getStatusCode() {
            return 200;
        }

        @Override
        @Deprecated
        public String getHeaderValue(String name) {
            return getHeaders().getValue(HttpHeaderName.fromString(name));
        }

        @Override
        public HttpHeaders getHeaders() {
            return new HttpHeaders().set(HttpHeaderName.CONTENT_TYPE, "application/json");
        }

        @Override
        public Flux<ByteBuffer> getBody() {
            return Flux.just(ByteBuffer.wrap(body));
        }

        @Override
        public Mono<byte[]> getBodyAsByteArray() {
            return Mono.just(body);
        }

        @Override
        public Mono<String> getBodyAsString() {
            return Mono.just(new String(body, StandardCharsets.UTF_8));
        }

        @Override
        public Mono<String> getBodyAsString(Charset charset) {
            return Mono.just(new String(body, charset));
        }
    }
}
