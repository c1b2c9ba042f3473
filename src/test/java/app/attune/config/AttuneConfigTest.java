package app.attune.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.validator.BeanValidationConfigValidator;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Duration;
import java.util.Map;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/** The settings' defaults and bounds live in AttuneConfig: read without the service. */
class AttuneConfigTest {

    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    @Test
    void everySettingHasItsDefault() {
        AttuneConfig config = read(Map.of());
        assertEquals(600, config.rateLimit().perMinute());
        assertEquals(1830, config.report().maxRangeDays());
        assertEquals(11, config.researchExport().minimumCell());
        assertEquals(Duration.ofDays(7), config.researchExport().retention());
        assertEquals(Duration.ofHours(24), config.idempotency().retention());
        assertEquals(Duration.ofMillis(50), config.sequencer().pollInterval());
        assertEquals(16, config.webhooks().concurrency());
        assertEquals(1024 * 1024, config.maxBodySize().asLongValue());
        assertTrue(config.audit().keyDirectory().isEmpty());
    }

    @Test
    void aValueOutOfBoundsIsRefusedByName() {
        ConfigValidationException refused = assertThrows(ConfigValidationException.class,
                () -> read(Map.of("attune.webhooks.concurrency", "0", "attune.rate-limit.per-minute", "0")));
        String problems = refused.getMessage();
        assertTrue(problems.contains("attune.webhooks.concurrency must be greater than or equal to 1"), problems);
        assertTrue(problems.contains("per-minute must be greater than or equal to 1"), problems);
    }

    private static AttuneConfig read(Map<String, String> values) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().addDefaultInterceptors().withMapping(AttuneConfig.class)
                .withConverter(MemorySize.class, 100, new MemorySizeConverter())
                .withValidator(new BeanValidationConfigValidator() {
                    @Override
                    public Validator getValidator() {
                        return VALIDATOR;
                    }
                })
                .withSources(new PropertiesConfigSource(values, "test", 500)).build();
        return config.getConfigMapping(AttuneConfig.class);
    }
}
