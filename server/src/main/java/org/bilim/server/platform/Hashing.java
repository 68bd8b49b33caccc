package org.bilim.server.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;

/**
 * Hashes staff passwords and learner PINs with the PBKDF2 implementation that Jakarta Security
 * (Liberty's appSecurity feature) provides: no cryptography of Bilim's own. The stored form
 * names the algorithm and iteration count, so parameters can change without breaking old hashes.
 *
 * <p>The two sets of parameters differ on purpose (docs/decisions/0003-pin-and-password-hashing.md):
 * a staff password is long and guards a whole facility, so it gets an expensive hash; a PIN has
 * six digits, which no hash cost protects from an offline search, so it is protected by the
 * lockout after five wrong tries, and its hash is cheap enough for a classroom of 300 to sign in
 * in the same second.
 */
@ApplicationScoped
public class Hashing {
    static final Map<String, String> PASSWORD = Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
            "Pbkdf2PasswordHash.Iterations", "210000",
            "Pbkdf2PasswordHash.SaltSizeBytes", "32",
            "Pbkdf2PasswordHash.KeySizeBytes", "64");
    static final Map<String, String> PIN = Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
            "Pbkdf2PasswordHash.Iterations", "1024",
            "Pbkdf2PasswordHash.SaltSizeBytes", "16",
            "Pbkdf2PasswordHash.KeySizeBytes", "32");

    @Inject
    Instance<Pbkdf2PasswordHash> factory;

    private Pbkdf2PasswordHash passwords;
    private Pbkdf2PasswordHash pins;
    /** Verified against when a learner number or username is unknown, so that timing does not tell. */
    private String decoyPin;
    private String decoyPassword;

    @PostConstruct
    void init() {
        passwords = factory.get();
        passwords.initialize(PASSWORD);
        pins = factory.get();
        pins.initialize(PIN);
        decoyPin = pins.generate(Tokens.newPin().toCharArray());
        decoyPassword = passwords.generate(Tokens.newToken().toCharArray());
    }

    public String hashPassword(String password) {
        return passwords.generate(password.toCharArray());
    }

    public boolean verifyPassword(String password, String hash) {
        return passwords.verify(password.toCharArray(), hash);
    }

    public String hashPin(String pin) {
        return pins.generate(pin.toCharArray());
    }

    public boolean verifyPin(String pin, String hash) {
        return pins.verify(pin.toCharArray(), hash);
    }

    /** Spends the time of a PIN check for a learner number that does not exist. */
    public void decoyPinCheck(String pin) {
        pins.verify(pin.toCharArray(), decoyPin);
    }

    public void decoyPasswordCheck(String password) {
        passwords.verify(password.toCharArray(), decoyPassword);
    }
}
