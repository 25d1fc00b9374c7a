package io.github.foundryagents.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SsrfGuardTest {

    private static HostResolver fixed(String... addresses) {
        return host -> {
            InetAddress[] out = new InetAddress[addresses.length];
            for (int i = 0; i < addresses.length; i++) {
                out[i] = InetAddress.getByName(addresses[i]);
            }
            return out;
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "172.16.0.9", "192.168.1.1", "169.254.169.254", "169.254.1.1",
            "0.0.0.0", "100.64.0.1", "224.0.0.1", "168.63.129.16", "::1", "fe80::1", "fd00::1", "::ffff:127.0.0.1"})
    void refusesNonPublicAddresses(String address) {
        SsrfGuard guard = new SsrfGuard(false, List.of(), fixed(address));

        assertThatThrownBy(() -> guard.check(URI.create("https://hooks.example.com/x")))
                .isInstanceOf(WebhookRefusedException.class)
                .hasMessageContaining("resolves to");
    }

    @Test
    void refusesWhenAnyResolvedAddressIsPrivate() {
        SsrfGuard guard = new SsrfGuard(false, List.of(), fixed("20.30.40.50", "10.0.0.1"));

        assertThatThrownBy(() -> guard.check(URI.create("https://hooks.example.com/x")))
                .hasMessageContaining("10.0.0.1").hasMessageContaining("private");
    }

    @Test
    void returnsTheCheckedPublicAddressToPinTheConnection() throws Exception {
        SsrfGuard guard = new SsrfGuard(false, List.of(), fixed("20.30.40.50"));

        assertThat(guard.check(URI.create("https://hooks.example.com/x")))
                .isEqualTo(InetAddress.getByName("20.30.40.50"));
    }

    @Test
    void refusesPlainHttpUnlessConfiguredAndUserInfoAlways() {
        SsrfGuard strict = new SsrfGuard(false, List.of(), fixed("20.30.40.50"));
        SsrfGuard relaxed = new SsrfGuard(true, List.of(), fixed("20.30.40.50"));

        assertThatThrownBy(() -> strict.check(URI.create("http://hooks.example.com/x")))
                .hasMessageContaining("https");
        assertThat(relaxed.check(URI.create("http://hooks.example.com/x"))).isNotNull();
        assertThatThrownBy(() -> strict.check(URI.create("https://u:p@hooks.example.com/x")))
                .hasMessageContaining("user info");
        assertThatThrownBy(() -> strict.check(URI.create("ftp://hooks.example.com/x")))
                .isInstanceOf(WebhookRefusedException.class);
    }

    @Test
    void allowListAdmitsChosenHostsAndNetworks() {
        SsrfGuard byNetwork = new SsrfGuard(false, List.of("10.1.0.0/16"), fixed("10.1.2.3"));
        SsrfGuard byHost = new SsrfGuard(false, List.of("hooks.internal"), fixed("10.9.9.9"));
        SsrfGuard otherNetwork = new SsrfGuard(false, List.of("10.1.0.0/16"), fixed("10.2.0.1"));

        assertThat(byNetwork.check(URI.create("https://a.internal/x"))).isNotNull();
        assertThat(byHost.check(URI.create("https://hooks.internal/x"))).isNotNull();
        assertThatThrownBy(() -> otherNetwork.check(URI.create("https://a.internal/x")))
                .isInstanceOf(WebhookRefusedException.class);
    }
}
