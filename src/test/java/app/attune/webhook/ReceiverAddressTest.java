package app.attune.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Private receivers are the operator's list of ranges and host names; everything else private is refused. */
class ReceiverAddressTest {

    @Test
    void privateAddressesPassOnlyWhenTheOperatorListsThem() {
        assertNotNull(ReceiverAddress.problemWith("http://127.0.0.1/hook", PrivateReceivers.NONE));
        assertNull(ReceiverAddress.problemWith("http://93.184.215.14/hook", PrivateReceivers.NONE));

        PrivateReceivers loopback = PrivateReceivers.of(List.of("127.0.0.1/32"));
        assertNull(ReceiverAddress.problemWith("http://127.0.0.1:8080/hook", loopback));
        assertNotNull(ReceiverAddress.problemWith("http://127.0.0.2/hook", loopback));
        assertNotNull(ReceiverAddress.problemWith("http://10.1.2.3/hook", loopback));

        PrivateReceivers clinicNetwork = PrivateReceivers.of(List.of(" 10.20.0.0/16 ", "fd00::/8", "ehr.internal"));
        assertNull(ReceiverAddress.problemWith("http://10.20.255.1/hook", clinicNetwork));
        assertNotNull(ReceiverAddress.problemWith("http://10.21.0.1/hook", clinicNetwork));
        assertNull(ReceiverAddress.problemWith("http://[fd12::1]/hook", clinicNetwork));
        assertNotNull(ReceiverAddress.problemWith("http://[::1]/hook", clinicNetwork));
        assertEquals("is a private or local address, which the service's operator has not allowed",
                ReceiverAddress.problemWith("http://169.254.169.254/latest/meta-data", clinicNetwork));
    }

    @Test
    void aHostNameEntryAllowsThatNameWhateverItResolvesTo() {
        assertNotNull(ReceiverAddress.problemWith("http://localhost/hook", PrivateReceivers.NONE));
        assertNull(ReceiverAddress.problemWith("http://LOCALHOST/hook", PrivateReceivers.of(List.of("localhost"))));
    }

    @Test
    void aMalformedEntryStopsTheStart() {
        for (String entry : List.of("10.0.0.0/33", "ehr.internal/8", "dead.beef/16", "10.0.0.0/x", "::1/129")) {
            assertThrows(IllegalArgumentException.class, () -> PrivateReceivers.of(List.of(entry)), entry);
        }
    }
}
