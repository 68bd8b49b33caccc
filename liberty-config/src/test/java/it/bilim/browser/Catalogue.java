package it.bilim.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.bilim.support.Api;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The UI's message catalogues as the server delivers them, so a test expects exactly the text the
 * page should show in a given language, without copying translations into the test.
 */
final class Catalogue {
    private static final Map<String, JsonNode> CACHE = new ConcurrentHashMap<>();

    private Catalogue() {
    }

    /** The message {@code key} in {@code lang}, with {@code {name}} parameters filled from name/value pairs. */
    static String text(String lang, String key, Object... params) {
        JsonNode messages = CACHE.computeIfAbsent(lang, l -> {
            Api.Response r = Api.client().get("/i18n/messages_" + l + ".json");
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            return r.json();
        });
        assertThat(messages.has(key)).as("message %s in %s", key, lang).isTrue();
        String text = messages.get(key).asText();
        for (int i = 0; i < params.length; i += 2) {
            text = text.replace("{" + params[i] + "}", String.valueOf(params[i + 1]));
        }
        return text;
    }
}
