/**
 * Lincheck specs of known correct and known broken structures, selected by the engine tests of
 * {@code dev.baton.lincheck} (their names end in {@code Spec}, so Surefire does not run them
 * directly). Each pair must get the same verdict from Lincheck and from Baton's mode. Budgets are
 * small: the broken ones fail well within theirs, and the correct ones get one Lincheck iteration, as
 * Lincheck spends its whole budget on them (seconds each): here they check the bridge's verdict,
 * not Lincheck's power, while Baton's mode explores its usual few hundred schedules.
 */
package dev.baton.lincheck.specs;
