/**
 * Lincheck specs of known correct and known broken structures, selected by the engine tests of
 * {@code dev.baton.lincheck} (their names end in {@code Spec}, so Surefire does not run them
 * directly). Each pair must get the same verdict from Lincheck and from Baton's mode. Budgets are
 * small: the broken ones fail well within theirs, and the correct ones get smaller ones still, as
 * Lincheck's model checking spends its whole budget on them (seconds each).
 */
package dev.baton.lincheck.specs;
