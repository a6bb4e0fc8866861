#pragma once

#include <functional>

class QWidget;

// Runs `work` once, on the pass of the event loop after `window` first
// paints: by then the frame is on screen. Start-up work that the first
// screen does not need (the database) and the start-up probe both wait for
// it. Of several callers, the one that called last runs first.
void runAfterFirstFrame(QWidget& window, std::function<void()> work);
