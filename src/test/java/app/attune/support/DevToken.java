package app.attune.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Signs RS256 tokens with the development key pair, for the tests and for local use. It needs
 * nothing but a JDK, so it also runs as a single-file program:
 *
 * <pre>java src/test/java/app/attune/support/DevToken.java --sub alice --org demo-clinic --groups therapist</pre>
 *
 * The key pair is for the dev and test profiles only; production trusts its own identity provider.
 */
public final class DevToken {

    public static final String ISSUER = "https://attune.local/dev";
    /** The audience the dev and test profiles require. */
    public static final String AUDIENCE = "attune";
    private static final String KEY_RESOURCE = "dev-keys/private-key.pem";

    private final Map<String, Object> claims = new LinkedHashMap<>();
    private String algorithm = "RS256";

    private DevToken() {
        long now = Instant.now().getEpochSecond();
        claims.put("iss", ISSUER);
        claims.put("aud", AUDIENCE);
        claims.put("iat", now);
        claims.put("exp", now + 3600);
    }

    public static DevToken forSubject(String subject) {
        DevToken token = new DevToken();
        token.claims.put("sub", subject);
        return token;
    }

    public DevToken org(String org) {
        claims.put("org", org);
        return this;
    }

    public DevToken groups(String... groups) {
        claims.put("groups", List.of(groups));
        return this;
    }

    public DevToken name(String name) {
        claims.put("name", name);
        return this;
    }

    public DevToken claim(String name, Object value) {
        if (value == null) {
            claims.remove(name);
        } else {
            claims.put(name, value);
        }
        return this;
    }

    public DevToken expiresAt(Instant instant) {
        claims.put("exp", instant.getEpochSecond());
        return this;
    }

    public String sign() {
        return sign(devKey());
    }

    public String sign(PrivateKey key) {
        String header = base64("{\"alg\":\"" + algorithm + "\",\"typ\":\"JWT\"}");
        String payload = base64(json(claims));
        String signingInput = header + "." + payload;
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An unsigned token (alg none), which the service must refuse. */
    public String unsigned() {
        algorithm = "none";
        return base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + base64(json(claims)) + ".";
    }

    public static PrivateKey devKey() {
        try (InputStream in = DevToken.class.getClassLoader() == null ? null
                : DevToken.class.getClassLoader().getResourceAsStream(KEY_RESOURCE)) {
            String pem = in != null ? new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    : Files.readString(Path.of("src/test/resources", KEY_RESOURCE));
            return parsePrivateKey(pem);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the development key " + KEY_RESOURCE, e);
        }
    }

    public static PrivateKey parsePrivateKey(String pem) {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Not a PKCS#8 RSA private key", e);
        }
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String json(Object value) {
        if (value instanceof Map<?, ?> map) {
            List<String> fields = new ArrayList<>();
            map.forEach((k, v) -> fields.add(json(k.toString()) + ":" + json(v)));
            return "{" + String.join(",", fields) + "}";
        }
        if (value instanceof List<?> list) {
            return "[" + String.join(",", list.stream().map(DevToken::json).toList()) + "]";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toString().toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** Prints a token: --sub, --org (none for the operator), --groups (comma-separated), --name, --minutes. */
    public static void main(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        DevToken token = forSubject(options.getOrDefault("sub", "dev-therapist"))
                .groups(options.getOrDefault("groups", "therapist").split(","));
        String org = options.getOrDefault("org", "demo-clinic");
        if (!org.equals("none")) {
            token.org(org); // the operator's token names no organization
        }
        if (options.containsKey("name")) {
            token.name(options.get("name"));
        }
        token.expiresAt(Instant.now().plusSeconds(60L * Long.parseLong(options.getOrDefault("minutes", "60"))));
        System.out.println(token.sign());
    }
}
