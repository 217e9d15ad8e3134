package warden.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A Discord id has one spelling: ASCII decimal digits of a positive 63-bit number (a snowflake). */
class SnowflakeTest {

    @ParameterizedTest
    @ValueSource(strings = {"123", " 123 ", "9223372036854775807"})
    void asciiDigitsAreIds(String text) {
        assertThat(UserId.of(text).value()).isNotZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"١٢٣", "１２３", "۱۲۳", "+123", "-5", "0", "12a", "1 2", "18446744073709551615", "0x7b"})
    void anythingElseIsRefused(String text) {
        assertThatThrownBy(() -> UserId.of(text))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("error.id.malformed");
    }
}
