package io.github.foundryagents.core.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Resolves a webhook host to addresses; default {@link InetAddress#getAllByName}. Replace it to use a company
 * resolver, or in tests to return chosen addresses.
 */
@FunctionalInterface
public interface HostResolver {

    /**
     * @param host a host name or address literal
     * @return its addresses, at least one
     * @throws UnknownHostException when it does not resolve
     */
    InetAddress[] resolve(String host) throws UnknownHostException;
}
