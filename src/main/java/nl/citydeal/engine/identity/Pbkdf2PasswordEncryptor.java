package nl.citydeal.engine.identity;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.camunda.bpm.engine.impl.digest.PasswordEncryptor;

/**
 * PBKDF2 with HMAC-SHA256 for the engine's password hashes, stored as {@code {PBKDF2}iterations$salt$hash}
 * (Camunda adds the prefix). The iteration count is part of every hash, so raising it later keeps older hashes
 * valid; they are rehashed at their user's next login ({@link RehashingIdentityProvider}).
 */
public class Pbkdf2PasswordEncryptor implements PasswordEncryptor {

    public static final String ALGORITHM = "PBKDF2";
    private static final String PREFIX = "{" + ALGORITHM + "}";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;

    private final int iterations;
    private final SecureRandom random = new SecureRandom();

    public Pbkdf2PasswordEncryptor(int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("PBKDF2 needs at least one iteration");
        }
        this.iterations = iterations;
    }

    @Override
    public String encrypt(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        return iterations + "$" + base64.encodeToString(salt) + "$"
                + base64.encodeToString(hash(password, salt, iterations));
    }

    @Override
    public boolean check(String password, String encrypted) {
        String[] parts = encrypted.split("\\$");
        if (parts.length != 3) {
            return false;
        }
        try {
            Base64.Decoder base64 = Base64.getDecoder();
            byte[] expected = base64.decode(parts[2]);
            return MessageDigest.isEqual(expected, hash(password, base64.decode(parts[1]), Integer.parseInt(parts[0])));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public String hashAlgorithmName() {
        return ALGORITHM;
    }

    /** True for a stored hash (with its prefix) of another algorithm, such as Camunda's {@code {SHA-512}}, or of fewer iterations. */
    public boolean needsRehash(String storedHash) {
        if (storedHash == null || !storedHash.startsWith(PREFIX)) {
            return true;
        }
        String[] parts = storedHash.substring(PREFIX.length()).split("\\$");
        try {
            return parts.length != 3 || Integer.parseInt(parts[0]) < iterations;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private static byte[] hash(String password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(spec)
                    .getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
        } finally {
            spec.clearPassword();
        }
    }
}
