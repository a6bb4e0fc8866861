#pragma once

#include <QList>
#include <QRect>
#include <QTest>
#include <QWidget>

namespace spinepath::test {

// Lets posted layout and style changes run until no visible widget moves
// between two passes (a long article takes a few rounds: its text is laid
// out, the page grows, a scroll bar appears, the text narrows). A fixed wait
// would be too short on a busy machine.
inline void waitForLayoutToSettle(QWidget& window, int maxRounds = 50)
{
    const auto geometry = [&] {
        QList<QRect> rects;
        for (const QWidget* widget : window.findChildren<QWidget*>())
            if (widget->isVisible())
                rects << QRect(widget->mapTo(&window, QPoint(0, 0)), widget->size());
        return rects;
    };
    QList<QRect> before = geometry();
    for (int round = 0; round < maxRounds; ++round) {
        QTest::qWait(10);
        QList<QRect> now = geometry();
        if (now == before)
            return;
        before = std::move(now);
    }
}

} // namespace spinepath::test
