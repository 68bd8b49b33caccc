package org.bilim.server.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressRangeTest {

    @Test
    void ipv4RangeContainsItsAddressesOnly() {
        AddressRange r = AddressRange.parse("10.20.0.0/16").orElseThrow();
        assertThat(r.contains("10.20.0.1")).isTrue();
        assertThat(r.contains("10.20.255.254")).isTrue();
        assertThat(r.contains("10.21.0.1")).isFalse();
        assertThat(r.contains("110.20.0.1")).isFalse();
    }

    @Test
    void networkIsNormalisedToItsPrefix() {
        assertThat(AddressRange.parse("10.20.30.40/16").orElseThrow().cidr()).isEqualTo("10.20.0.0/16");
        assertThat(AddressRange.parse("192.168.1.7").orElseThrow().cidr()).isEqualTo("192.168.1.7/32");
    }

    @Test
    void ipv6RangeAndMappedIpv4() {
        AddressRange v6 = AddressRange.parse("fd00:1::/64").orElseThrow();
        assertThat(v6.contains("fd00:1::abcd")).isTrue();
        assertThat(v6.contains("fd00:2::1")).isFalse();
        assertThat(v6.contains("10.0.0.1")).isFalse();
        AddressRange v4 = AddressRange.parse("127.0.0.0/8").orElseThrow();
        assertThat(v4.contains("::ffff:127.0.0.5")).isTrue();
        assertThat(AddressRange.parse("::1/128").orElseThrow().contains("0:0:0:0:0:0:0:1")).isTrue();
    }

    @Test
    void ipv6IsWrittenTheShortWay() {
        assertThat(AddressRange.parse("::1").orElseThrow().cidr()).isEqualTo("::1/128");
        assertThat(AddressRange.parse("FD00:0001:0000:0000::/64").orElseThrow().cidr()).isEqualTo("fd00:1::/64");
        assertThat(AddressRange.parse("2001:db8:0:1:0:0:0:1").orElseThrow().cidr()).isEqualTo("2001:db8:0:1::1/128");
        assertThat(AddressRange.parse("::/0").orElseThrow().cidr()).isEqualTo("::/0");
        assertThat(AddressRange.parse("1:0:2:0:3:0:4:0").orElseThrow().cidr()).isEqualTo("1:0:2:0:3:0:4:0/128");
    }

    @Test
    void zeroPrefixMatchesEveryAddressOfItsFamily() {
        assertThat(AddressRange.parse("0.0.0.0/0").orElseThrow().contains("203.0.113.9")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10.0.0.0/33", "fd00::/129", "10.0.0/8", "256.1.1.1/8", "example.org", "localhost/8",
        "10.0.0.0/-1", "10.0.0.0/x", "10.0.0.0/8/8", "::g/64"})
    void refusesWhatIsNotAnAddressRange(String text) {
        assertThat(AddressRange.parse(text)).isEmpty();
    }

    @Test
    void hostNamesAreNeverResolved() {
        assertThat(AddressRange.literal("localhost")).isEmpty();
        assertThat(AddressRange.parse("127.0.0.1/32").orElseThrow().contains("localhost")).isFalse();
    }
}
