package io.github.foundryagents.core.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Decides where a webhook may go. The host is resolved once; every address it resolves to must be public
 * (not loopback, private, link-local, carrier-grade NAT, unique-local, multicast, unspecified, the metadata
 * endpoint 169.254.169.254 or Azure's platform address 168.63.129.16) unless the host or address is on the
 * allow-list. The caller then connects to the returned address, so a second DNS answer cannot redirect the
 * request (DNS rebinding). Immutable and thread-safe.
 */
final class SsrfGuard {

    private final boolean allowHttp;
    private final List<String> allowedHosts;
    private final List<Cidr> allowedNetworks;
    private final HostResolver resolver;

    SsrfGuard(boolean allowHttp, List<String> allowList, HostResolver resolver) {
        this.allowHttp = allowHttp;
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        List<String> hosts = new ArrayList<>();
        List<Cidr> networks = new ArrayList<>();
        for (String entry : allowList) {
            Cidr cidr = Cidr.parse(entry);
            if (cidr != null) {
                networks.add(cidr);
            } else {
                hosts.add(entry.toLowerCase(Locale.ROOT));
            }
        }
        this.allowedHosts = List.copyOf(hosts);
        this.allowedNetworks = List.copyOf(networks);
    }

    /**
     * @param url the webhook URL
     * @return the address to connect to
     * @throws WebhookRefusedException when the URL may not be called
     */
    InetAddress check(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            throw new WebhookRefusedException("Webhook URL must use https (got '" + scheme + "'); plain http is"
                    + " refused unless WebhookNotifier.builder().allowHttp(true) is set");
        }
        String host = url.getHost();
        if (host == null || host.isEmpty()) {
            throw new WebhookRefusedException("Webhook URL has no host: " + url.getScheme() + "://…");
        }
        if (url.getRawUserInfo() != null) {
            throw new WebhookRefusedException("Webhook URL must not carry user info (user:password@): put"
                    + " credentials in the receiver's configuration, the payload is signed");
        }
        String bareHost = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(bareHost);
        } catch (UnknownHostException e) {
            throw new WebhookRefusedException("Webhook host " + bareHost + " does not resolve");
        }
        if (addresses.length == 0) {
            throw new WebhookRefusedException("Webhook host " + bareHost + " does not resolve");
        }
        boolean hostAllowed = allowedHosts.contains(bareHost.toLowerCase(Locale.ROOT));
        for (InetAddress address : addresses) {
            String blocked = blockedReason(address);
            if (blocked != null && !hostAllowed && allowedNetworks.stream().noneMatch(n -> n.contains(address))) {
                throw new WebhookRefusedException("Webhook host " + bareHost + " resolves to "
                        + address.getHostAddress() + ", a " + blocked + " address; webhooks may only reach public"
                        + " addresses. Add the host or its network to WebhookNotifier.builder().allow(...) if"
                        + " this is intended");
            }
        }
        return addresses[0];
    }

    /** @return why the address is blocked, or {@code null} when it is public */
    static String blockedReason(InetAddress a) {
        if (a.isLoopbackAddress()) {
            return "loopback";
        }
        if (a.isAnyLocalAddress()) {
            return "unspecified";
        }
        if (a.isMulticastAddress()) {
            return "multicast";
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xFF;
            int second = b[1] & 0xFF;
            if (first == 169 && second == 254) {
                return (b[2] & 0xFF) == 169 && (b[3] & 0xFF) == 254 ? "cloud metadata" : "link-local";
            }
            if (first == 168 && second == 63 && (b[2] & 0xFF) == 129 && (b[3] & 0xFF) == 16) {
                return "Azure platform (wireserver)";
            }
            if (a.isSiteLocalAddress()) {
                return "private";
            }
            if (first == 100 && second >= 64 && second <= 127) {
                return "carrier-grade NAT";
            }
            if (first == 0 || first >= 240) {
                return "reserved";
            }
            return null;
        }
        if (a instanceof Inet6Address) {
            if (a.isLinkLocalAddress()) {
                return "link-local";
            }
            if (a.isSiteLocalAddress() || (b[0] & 0xFE) == 0xFC) {
                return "private (unique-local)";
            }
        }
        return null;
    }

    /** An address range {@code a.b.c.d/n} or {@code x::/n}; a bare address means the single address. */
    record Cidr(byte[] network, int prefix) {

        static Cidr parse(String text) {
            String s = text.trim();
            int slash = s.indexOf('/');
            String addr = slash < 0 ? s : s.substring(0, slash);
            if (!addr.matches("[0-9.]+|[0-9a-fA-F:]*:[0-9a-fA-F:.]*")) {
                return null; // a host name
            }
            try {
                byte[] bytes = InetAddress.getByName(addr).getAddress();
                int prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(s.substring(slash + 1));
                if (prefix < 0 || prefix > bytes.length * 8) {
                    throw new IllegalArgumentException("bad prefix length in allow-list entry '" + text + "'");
                }
                return new Cidr(bytes, prefix);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("allow-list entry '" + text + "' is neither a host name nor"
                        + " an address range like 10.1.0.0/16", e);
            }
        }

        boolean contains(InetAddress address) {
            byte[] a = address.getAddress();
            if (a.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (a[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (a[full] & mask) == (network[full] & mask);
        }
    }
}
