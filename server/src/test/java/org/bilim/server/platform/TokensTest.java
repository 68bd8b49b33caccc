package org.bilim.server.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokensTest {

    @Test
    void tokensAreLongAndDistinct() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String t = Tokens.newToken();
            assertThat(t).hasSize(43).matches("[A-Za-z0-9_-]+");
            assertThat(seen.add(t)).isTrue();
        }
    }

    @Test
    void enrolmentCodesAreTypableAndNormaliseAsTyped() {
        String code = Tokens.newEnrolmentCode();
        assertThat(code).matches("[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}");
        assertThat(Tokens.normaliseCode(" " + code.toLowerCase().replace("-", " ") + " ")).isEqualTo(code.replace("-", ""));
    }

    @Test
    void pinsHaveSixDigitsAndAreNeverTrivial() {
        for (int i = 0; i < 2000; i++) {
            String pin = Tokens.newPin();
            assertThat(pin).matches("\\d{6}");
            assertThat(Tokens.isTrivialPin(pin)).isFalse();
        }
        assertThat(Tokens.isTrivialPin("000000")).isTrue();
        assertThat(Tokens.isTrivialPin("123456")).isTrue();
        assertThat(Tokens.isTrivialPin("987654")).isTrue();
        assertThat(Tokens.isTrivialPin("123465")).isFalse();
    }

    @Test
    void sha256IsHex() {
        assertThat(Tokens.sha256("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
