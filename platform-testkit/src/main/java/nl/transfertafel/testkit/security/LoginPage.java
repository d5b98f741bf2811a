package nl.transfertafel.testkit.security;

import java.util.List;
import java.util.Map;

/**
 * The local issuer's sign-in page (served by {@link DemoSignIn} in place of mock-oauth2-server's own): pick a
 * demo user (or type a user name) and continue. Plain, accessible HTML (one form, a labelled fieldset of radio
 * buttons, visible focus, an error message tied to its field) in Dutch or English following the OIDC
 * {@code ui_locales} parameter. The form has no action: it posts back to the authorization request's own
 * address, whose query mock-oauth2-server reads the request from.
 */
final class LoginPage {

    private static final Map<String, String> NL = Map.ofEntries(
            Map.entry("title", "Inloggen bij de transfertafel (lokaal)"),
            Map.entry("intro", "Dit is de lokale, niet voor productie bedoelde aanmeldservice. Kies een demogebruiker."),
            Map.entry("legend", "Demogebruiker"),
            Map.entry("typed", "Of typ een gebruikersnaam"),
            Map.entry("submit", "Inloggen"),
            Map.entry("cancel", "Annuleren"),
            Map.entry("unknown", "Onbekende gebruiker. Kies een van de demogebruikers."),
            Map.entry("client", "Aanvragende toepassing"));
    private static final Map<String, String> EN = Map.ofEntries(
            Map.entry("title", "Sign in to the transfer table (local)"),
            Map.entry("intro", "This is the local sign-in service, not meant for production. Pick a demo user."),
            Map.entry("legend", "Demo user"),
            Map.entry("typed", "Or type a user name"),
            Map.entry("submit", "Sign in"),
            Map.entry("cancel", "Cancel"),
            Map.entry("unknown", "Unknown user. Pick one of the demo users."),
            Map.entry("client", "Requesting application"));

    private LoginPage() {
    }

    static boolean english(String uiLocales) {
        return uiLocales != null && uiLocales.trim().toLowerCase().startsWith("en");
    }

    /** The page for the client {@code clientId}; {@code typed}: the name typed before, if any. */
    static String render(String clientId, String uiLocales, boolean unknownUser, String typed) {
        boolean en = english(uiLocales);
        Map<String, String> text = en ? EN : NL;
        StringBuilder out = new StringBuilder(4096);
        out.append("<!DOCTYPE html><html lang=\"").append(en ? "en" : "nl").append("\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(escape(text.get("title"))).append("</title><style>")
                .append("body{font:16px/1.5 system-ui,sans-serif;color:#1b1b1b;background:#f4f6f8;margin:0}")
                .append("main{max-width:34rem;margin:3rem auto;background:#fff;padding:2rem;border-radius:8px;")
                .append("box-shadow:0 1px 4px rgba(0,0,0,.15)}h1{font-size:1.4rem;margin-top:0}")
                .append("fieldset{border:1px solid #8a96a3;border-radius:6px;padding:.5rem 1rem}")
                .append("label{display:block;padding:.35rem 0;cursor:pointer}.org{color:#4a5560;font-size:.9rem}")
                .append("input[type=text]{font:inherit;padding:.4rem;width:100%;box-sizing:border-box;border:1px solid #5c6873;border-radius:4px}")
                .append("button{font:inherit;padding:.5rem 1.2rem;border-radius:4px;border:2px solid #0b4f8a;margin-right:.5rem;cursor:pointer}")
                .append(".primary{background:#0b4f8a;color:#fff}.secondary{background:#fff;color:#0b4f8a}")
                .append(":focus-visible{outline:3px solid #c25e00;outline-offset:2px}")
                .append(".error{color:#a4000f;font-weight:600}.actions{margin-top:1.25rem}")
                .append("</style></head><body><main><h1>").append(escape(text.get("title"))).append("</h1><p>")
                .append(escape(text.get("intro"))).append("</p><p class=\"org\">").append(escape(text.get("client")))
                .append(": ").append(escape(clientId)).append("</p>")
                .append("<form method=\"post\">");
        out.append("<fieldset><legend>").append(escape(text.get("legend"))).append("</legend>");
        List<DemoUser> users = DemoUsers.ALL;
        for (DemoUser user : users) {
            String id = "user-" + user.username();
            out.append("<label for=\"").append(escape(id)).append("\"><input type=\"radio\" name=\"username\" id=\"")
                    .append(escape(id)).append("\" value=\"").append(escape(user.username())).append("\"> <strong>")
                    .append(escape(user.username())).append("</strong> – ").append(escape(user.displayName()))
                    .append(" <span class=\"org\">(").append(escape(String.join(", ", user.roles()))).append(", ")
                    .append(escape(user.organisation())).append(", ").append(escape(user.region())).append(")</span></label>");
        }
        out.append("</fieldset><p><label for=\"typed-username\">").append(escape(text.get("typed")))
                .append("</label><input type=\"text\" id=\"typed-username\" name=\"typed_username\" autocomplete=\"username\"");
        if (typed != null) {
            out.append(" value=\"").append(escape(typed)).append('"');
        }
        if (unknownUser) {
            out.append(" aria-invalid=\"true\" aria-describedby=\"login-error\"");
        }
        out.append("></p>");
        if (unknownUser) {
            out.append("<p id=\"login-error\" class=\"error\" role=\"alert\">").append(escape(text.get("unknown"))).append("</p>");
        }
        out.append("<div class=\"actions\"><button type=\"submit\" class=\"primary\" id=\"login-submit\">")
                .append(escape(text.get("submit"))).append("</button><button type=\"submit\" class=\"secondary\" ")
                .append("name=\"cancel\" value=\"true\" id=\"login-cancel\" formnovalidate>").append(escape(text.get("cancel")))
                .append("</button></div></form></main></body></html>");
        return out.toString();
    }

    /** A page for a request that cannot be redirected back (unknown or unsafe redirect URI). */
    static String error(String description) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sign-in request refused</title></head>"
                + "<body><main><h1>Sign-in request refused</h1><p role=\"alert\">" + escape(description)
                + "</p></main></body></html>";
    }

    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (char c : value.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
