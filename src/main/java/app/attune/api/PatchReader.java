package app.attune.api;

import app.attune.api.MergePatch.Patch;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Set;

/**
 * Reads a PATCH body declared as {@code Patch<SomeChanges>}: the JSON stays here, at the edge, and
 * the resource hands its service the bound, validated fields. The changes record names its
 * read-only fields with {@link MergePatch.ReadOnly}.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
public class PatchReader implements MessageBodyReader<Patch<?>> {

    private final MergePatch patches;
    private final ObjectReader json;

    PatchReader(MergePatch patches, ObjectMapper mapper) {
        this.patches = patches;
        this.json = mapper.readerFor(JsonNode.class);
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == Patch.class && genericType instanceof ParameterizedType;
    }

    @Override
    public Patch<?> readFrom(Class<Patch<?>> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, String> headers, InputStream entity) throws IOException {
        @SuppressWarnings("unchecked")
        Class<? extends Record> changes = (Class<? extends Record>) ((ParameterizedType) genericType).getActualTypeArguments()[0];
        byte[] bytes = entity.readAllBytes();
        // No body at all is answered as a body that is not an object.
        JsonNode body = bytes.length == 0 ? null : json.readValue(bytes);
        MergePatch.ReadOnly readOnly = changes.getAnnotation(MergePatch.ReadOnly.class);
        return patches.read(body, changes, readOnly == null ? Set.of() : Set.of(readOnly.value()));
    }
}
