package nl.transfertafel.contracts.vocabulary;

/** Why a client left a waiting list without a transfer (coded, so figures can count them). */
public enum WithdrawalReason {
    NO_LONGER_NEEDED,
    CARE_FOUND_ELSEWHERE,
    NO_SHOW,
    OTHER
}
