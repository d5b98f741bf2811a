package nl.transfertafel.transfertable.proposal.domain;

/** What can be attempted on a proposal, by a person or by the system. */
public enum ProposalAction {
    APPROVE("approve"),
    REJECT("reject"),
    OFFER("offer (place reserved)"),
    LAPSE("lapse (place gone)"),
    PROVIDER_ACCEPT("accept as receiving provider"),
    PROVIDER_DECLINE("decline as receiving provider"),
    CLIENT_ACCEPT("accept for the client"),
    CLIENT_DECLINE("decline for the client"),
    EXPIRE("expire the offer"),
    WITHDRAW("withdraw (client left the waiting list)");

    private final String words;

    ProposalAction(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }
}
