package io.pbxops.operator.embedded;

/** Where {@code up} shows the fleet converging: redrawn in place on a terminal, or as plain lines in a log or a pipe. */
public interface FleetDisplay {

    /** The fleet now; called a few times a second. */
    void show(FleetSnapshot snapshot, String headline);

    /** A one-off line for people (the installer step ran, a manifest was refused, ...). */
    void note(String line);

    /** The last picture, kept on the screen: the final table and a summary line. */
    void finish(FleetSnapshot snapshot, String summary);
}
