package org.bilim.server.platform;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 address range in CIDR notation ({@code 10.20.0.0/16}, {@code fd00::/8}).
 * Parsing accepts address literals only, so it never looks a name up in DNS; an IPv4-mapped
 * IPv6 address (::ffff:10.20.1.5) matches IPv4 ranges.
 */
public record AddressRange(InetAddress network, int prefix) {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    public AddressRange {
        network = masked(network, prefix);
    }

    public static Optional<AddressRange> parse(String cidr) {
        if (cidr == null) {
            return Optional.empty();
        }
        String text = cidr.trim();
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        Optional<InetAddress> parsed = literal(address);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        int bits = parsed.get().getAddress().length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String p = text.substring(slash + 1);
            if (!p.matches("\\d{1,3}")) {
                return Optional.empty();
            }
            prefix = Integer.parseInt(p);
            if (prefix > bits) {
                return Optional.empty();
            }
        }
        return Optional.of(new AddressRange(parsed.get(), prefix));
    }

    /** Parses an address literal; anything else (a host name, garbage) is empty. */
    public static Optional<InetAddress> literal(String address) {
        if (address == null) {
            return Optional.empty();
        }
        String a = address.trim();
        if (a.startsWith("[") && a.endsWith("]")) {
            a = a.substring(1, a.length() - 1);
        }
        int zone = a.indexOf('%');
        if (zone >= 0) {
            a = a.substring(0, zone);
        }
        boolean v4 = IPV4.matcher(a).matches();
        if (v4) {
            for (String octet : a.split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    return Optional.empty();
                }
            }
        }
        if (!v4 && !IPV6.matcher(a).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(a));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    public boolean contains(String address) {
        return literal(address).map(this::contains).orElse(false);
    }

    public boolean contains(InetAddress address) {
        if (address.getAddress().length != network.getAddress().length) {
            return false;
        }
        return masked(address, prefix).equals(network);
    }

    /** The canonical text, e.g. {@code 10.20.0.0/16} or {@code fd00:1::/64} (RFC 5952 for IPv6). */
    public String cidr() {
        return text(network) + "/" + prefix;
    }

    /** An address as people write it: dotted IPv4, or IPv6 in lower case with the longest run of zero groups as "::". */
    static String text(InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length == 4) {
            return address.getHostAddress();
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((b[2 * i] & 0xFF) << 8) | (b[2 * i + 1] & 0xFF);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }

    private static InetAddress masked(InetAddress address, int prefix) {
        byte[] bytes = address.getAddress();
        for (int i = 0; i < bytes.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            bytes[i] &= (byte) (0xFF << (8 - keep));
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
