package nl.transfertafel.localstack;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;

/** What the stack's SMTP sink received, for the tests that follow an e-mail to a client. */
final class SinkMails {

    private SinkMails() {
    }

    /** Every message the sink holds that was addressed (To) to {@code address}, in the order received. */
    static List<MimeMessage> to(GreenMail sink, String address) {
        return Arrays.stream(sink.getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                        .anyMatch(to -> to.toString().equals(address));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
