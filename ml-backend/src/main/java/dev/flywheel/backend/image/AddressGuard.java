package dev.flywheel.backend.image;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import okhttp3.Dns;

/**
 * Refuses link-local, cloud-metadata, wildcard and multicast addresses before any socket is opened.
 *
 * <p>Two gates, because OkHttp skips {@link Dns} for IP literals: {@link #check(String)} runs before every
 * request and redirect hop, and {@link #lookup(String)} is installed as the client's {@code Dns} so a name
 * that resolves differently on the second lookup (DNS rebinding) is still refused. Loopback and private
 * ranges stay allowed: Label Studio usually lives there.
 */
final class AddressGuard implements Dns {

    private static final Set<String> METADATA_NAMES = Set.of("metadata.google.internal", "metadata.goog", "metadata");
    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final byte[] EC2_IPV6_METADATA = address("fd00:ec2::254");
    private static final byte[] ALIBABA_METADATA = address("100.100.100.200");

    private final Dns resolver;

    AddressGuard(Dns resolver) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    /** Refuses {@code host} (a name or an IP literal) when it is, or resolves to, a forbidden address. */
    void check(String host) throws UnknownHostException {
        if (host.contains(":") || IPV4_LITERAL.matcher(host).matches()) {
            // A literal: parsed locally, no DNS query is made.
            refuseIfForbidden(host, InetAddress.getByName(host));
        } else {
            lookup(host);
        }
    }

    @Override
    public List<InetAddress> lookup(String hostname) throws UnknownHostException {
        String name = hostname.toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        if (METADATA_NAMES.contains(name)) {
            throw new RefusedAddressException("refused to connect to the cloud metadata host " + hostname);
        }
        List<InetAddress> addresses = resolver.lookup(hostname);
        for (InetAddress address : addresses) {
            refuseIfForbidden(hostname, address);
        }
        return addresses;
    }

    private static void refuseIfForbidden(String host, InetAddress address) throws RefusedAddressException {
        if (isForbidden(address)) {
            throw new RefusedAddressException("refused to connect to " + host + ": "
                    + address.getHostAddress() + " is a link-local, metadata, wildcard or multicast address");
        }
    }

    static boolean isForbidden(InetAddress address) {
        if (address.isLinkLocalAddress() || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] raw = address.getAddress();
        if (Arrays.equals(raw, EC2_IPV6_METADATA) || Arrays.equals(raw, ALIBABA_METADATA)) {
            return true;
        }
        if (address instanceof Inet6Address && isEmbeddingIpv4(raw)) {
            // ::a.b.c.d and NAT64 64:ff9b::a.b.c.d reach the IPv4 address they embed.
            byte[] v4 = Arrays.copyOfRange(raw, 12, 16);
            try {
                return isForbidden(InetAddress.getByAddress(v4));
            } catch (UnknownHostException e) {
                return true;
            }
        }
        return false;
    }

    private static boolean isEmbeddingIpv4(byte[] raw) {
        boolean compatible = true;
        for (int i = 0; i < 12; i++) {
            compatible &= raw[i] == 0;
        }
        boolean nat64 = raw[0] == 0 && raw[1] == 0x64 && raw[2] == (byte) 0xff && raw[3] == (byte) 0x9b;
        for (int i = 4; i < 12 && nat64; i++) {
            nat64 = raw[i] == 0;
        }
        return compatible && !(raw[12] == 0 && raw[13] == 0 && raw[14] == 0) || nat64;
    }

    private static byte[] address(String literal) {
        try {
            return InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
