package nl.transfertafel.notification.delivery.infrastructure;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import nl.transfertafel.notification.delivery.application.MailTransport;
import nl.transfertafel.notification.delivery.application.OutgoingMail;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Plain-text mail over SMTP ({@code spring.mail.*}). Sending blocks, so it runs off the event loop. */
public class SmtpMailTransport implements MailTransport {

    private final JavaMailSender sender;
    private final String from;

    public SmtpMailTransport(JavaMailSender sender, String from) {
        this.sender = sender;
        this.from = from;
    }

    @Override
    public Mono<Void> send(OutgoingMail mail) {
        return Mono.<Void>fromRunnable(() -> {
                    try {
                        MimeMessage message = sender.createMimeMessage();
                        MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
                        helper.setFrom(from);
                        helper.setTo(mail.to());
                        helper.setSubject(mail.subject());
                        helper.setText(mail.body(), false);
                        for (var header : mail.headers().entrySet()) {
                            message.setHeader(header.getKey(), header.getValue());
                        }
                        sender.send(message);
                    } catch (jakarta.mail.MessagingException e) {
                        // the message may name the address: keep only the kind
                        throw new IllegalStateException("composing the e-mail failed (" + e.getClass().getSimpleName() + ")");
                    }
                })
                .subscribeOn(Schedulers.boundedElastic());
    }
}
