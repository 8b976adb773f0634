#pragma once

#include "figure.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <cstdio>

// The results table on a terminal and the bench-results.json document.
namespace Report {
void printTable(const QList<Figure> &figures, std::FILE *out);
// The same table in Markdown, for README.md.
QString markdownTable(const QList<Figure> &figures);
QJsonObject document(const QList<Figure> &figures, const QJsonObject &run);
} // namespace Report
