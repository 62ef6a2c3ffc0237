package nl.citydeal.engine.deal;

/** Starts the process of a City Deal; implemented on the process engine. */
public interface DealProcesses {

    /** Registers the deal and starts its preparation; answers the new deal's id. */
    String register(DealRegistration registration);

    /** How many deals were ever registered, running or finished. */
    long count();
}
