#pragma once

#include "Arguments.h"

namespace spinepath::cli {

// Exit codes shared by every command.
enum ExitCode : int
{
    kSuccess = 0,
    kSomeInputFailed = 1, // the run finished, but some input was bad (see its messages)
    kUsageOrFileError = 2 // nothing was done: a bad command line or an unreadable file
};

// spinepath-cli logic RULE.json DATA.json|-   /   spinepath-cli logic RULE.json --jsonl
int runLogic(Arguments arguments);
// spinepath-cli score FILE|-   /   spinepath-cli score --jsonl
int runScore(Arguments arguments);
// spinepath-cli convert --to fhir|answers FILE|-
int runConvert(Arguments arguments);
// spinepath-cli store --jsonl [--db FILE] [--mode kiosk|home]
int runStore(Arguments arguments);
// spinepath-cli db export|check|stats|purge|delete|reset-pin [--db FILE]
int runDb(Arguments arguments);
// spinepath-cli report FILE|--db DB ID -o OUT.pdf [--patient] [--paper a4|letter]
int runReport(Arguments arguments);
// spinepath-cli handoff encode FILE|-
int runHandoff(Arguments arguments);
// spinepath-cli import FILE|- [--db DB]
int runImport(Arguments arguments);
// spinepath-cli check-content [DIR]
int runCheckContent(Arguments arguments);
// spinepath-cli questionnaire check FILE
int runQuestionnaire(Arguments arguments);

} // namespace spinepath::cli
