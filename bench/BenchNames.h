#pragma once

// Invented patient names for the storage benchmarks: synthetic data only.
// "black" (Blackwood) is the surname prefix the name searches look for.
namespace spinepath::bench {

constexpr const char* kFirstNames[] = {"Ada",   "Bram",  "Cleo", "Dorian", "Elsa", "Felix", "Greta", "Hugo",
                                       "Ines",  "Jonas", "Kira", "Lionel", "Mara", "Nils",  "Orla",  "Piet",
                                       "Quinn", "Rhea",  "Sven", "Tilda",  "Ugo",  "Vera",  "Wim",   "Xenia"};
constexpr const char* kLastNames[] = {
    "Abernathy", "Blackwood",  "Calloway", "Dunmore",   "Eastwick",     "Fairbanks", "Galloway", "Hartley",
    "Ingleby",   "Jessop",     "Kinsella", "Lockhart",  "Merriweather", "Northcott", "Oakhurst", "Pemberton",
    "Quarrie",   "Rutherford", "Stanhope", "Thornbury", "Underhill",    "Vanstone",  "Whitlock", "Yardley"};

} // namespace spinepath::bench
