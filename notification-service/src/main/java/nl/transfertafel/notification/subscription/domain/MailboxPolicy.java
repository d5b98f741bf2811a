package nl.transfertafel.notification.subscription.domain;

import java.util.regex.Pattern;
import nl.transfertafel.notification.access.domain.Verdict;

/** An organisation registers a functional mailbox (e.g. {@code aanmeldingen@praktijk.nl}): one address, plainly formed. */
public final class MailboxPolicy {

    private static final Pattern ADDRESS = Pattern.compile("^[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}$");

    public Verdict check(String address) {
        if (address == null || address.length() > 254 || !ADDRESS.matcher(address).matches()) {
            return Verdict.reject("mailbox", "one e-mail address such as intake@provider.nl");
        }
        return Verdict.ALLOWED;
    }
}
