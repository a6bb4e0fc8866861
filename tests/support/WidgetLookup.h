#pragma once

// For widget tests that drive a page through its named children: a missing
// name stops the test at once with the name, instead of a null pointer later.
#include <QObject>
#include <QString>
#include <QtGlobal>

namespace spinepath::test {

template <typename T> T* requireChild(const QObject& parent, const char* name)
{
    auto* widget = parent.findChild<T*>(QString::fromLatin1(name));
    if (!widget)
        qFatal("no widget %s", name);
    return widget;
}

} // namespace spinepath::test
