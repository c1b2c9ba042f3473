package app.attune.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The private receivers the operator allows (attune.webhooks.private-receivers): address ranges
 * in CIDR notation and host names. Never an organization's choice, since a private address is one
 * of the network the service runs in, which every organization shares.
 */
record PrivateReceivers(List<Range> ranges, Set<String> hosts) {

    static final PrivateReceivers NONE = new PrivateReceivers(List.of(), Set.of());

    /** Parses the setting's entries; a malformed one stops the start (a typo must not open or close the network). */
    static PrivateReceivers of(List<String> entries) {
        List<Range> ranges = new ArrayList<>();
        Set<String> hosts = new TreeSet<>();
        for (String entry : entries) {
            String value = entry.trim();
            if (value.isEmpty()) {
                continue;
            }
            if (value.contains("/")) {
                ranges.add(Range.parse(value));
            } else {
                hosts.add(value.toLowerCase(Locale.ROOT));
            }
        }
        return new PrivateReceivers(List.copyOf(ranges), Set.copyOf(hosts));
    }

    boolean allows(String host, InetAddress address) {
        return hosts.contains(host.toLowerCase(Locale.ROOT)) || ranges.stream().anyMatch(range -> range.contains(address));
    }

    /** An address range: a network address and how many of its leading bits are fixed. */
    record Range(byte[] network, int bits) {

        static Range parse(String cidr) {
            int slash = cidr.indexOf('/');
            String address = cidr.substring(0, slash);
            // Only literals, so that nothing is looked up: a dotted IPv4 quad, or an IPv6 address (with a colon).
            if (!address.matches("\\d{1,3}(\\.\\d{1,3}){3}") && !address.matches("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*")) {
                throw new IllegalArgumentException("attune.webhooks.private-receivers: not an address range: " + cidr);
            }
            try {
                byte[] network = InetAddress.getByName(address).getAddress(); // a literal: no name is looked up
                int bits = Integer.parseInt(cidr.substring(slash + 1));
                if (bits < 0 || bits > network.length * 8) {
                    throw new IllegalArgumentException("attune.webhooks.private-receivers: prefix out of range: " + cidr);
                }
                return new Range(network, bits);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("attune.webhooks.private-receivers: not an address range: " + cidr, e);
            }
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
