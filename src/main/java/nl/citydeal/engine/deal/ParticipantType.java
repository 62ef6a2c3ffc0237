package nl.citydeal.engine.deal;

/** The kinds of parties in a City Deal. */
public enum ParticipantType {
    MUNICIPALITY,
    MINISTRY,
    PROVINCE,
    WATER_BOARD,
    KNOWLEDGE_INSTITUTION,
    COMPANY,
    CIVIL_SOCIETY
}
