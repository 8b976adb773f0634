<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ConnectionsPanel</name>
    <message numerus="yes">
        <source>%1 of %n feed(s) live · worst quality: %2</source>
        <translation>
            <numerusform>%1 of %n feed live · worst quality: %2</numerusform>
            <numerusform>%1 of %n feeds live · worst quality: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) in the table</source>
        <translation>
            <numerusform>%n row in the table</numerusform>
            <numerusform>%n rows in the table</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DemoMenu</name>
    <message numerus="yes">
        <source>Send %n snapshot(s) as fast as possible</source>
        <translation>
            <numerusform>Send %n snapshot as fast as possible</numerusform>
            <numerusform>Send %n snapshots as fast as possible</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EventLogModel</name>
    <message numerus="yes">
        <source>%n updates since %1 · %2</source>
        <translation>
            <numerusform>%n update since %1 · %2</numerusform>
            <numerusform>%n updates since %1 · %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n round trips since %1 · last: %2</source>
        <translation>
            <numerusform>%n round trip since %1 · last: %2</numerusform>
            <numerusform>%n round trips since %1 · last: %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EventText</name>
    <message numerus="yes">
        <source>open after %n failure(s), for %1</source>
        <translation>
            <numerusform>open after %n failure, for %1</numerusform>
            <numerusform>open after %n failures, for %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n feed(s), started %1 apart</source>
        <translation>
            <numerusform>%n feed, started %1 apart</numerusform>
            <numerusform>%n feeds, started %1 apart</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unfinished command(s) taken over from the journal</source>
        <translation>
            <numerusform>%n unfinished command taken over from the journal</numerusform>
            <numerusform>%n unfinished commands taken over from the journal</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n feed(s) back after %2</source>
        <translation>
            <numerusform>%1: %n feed back after %2</numerusform>
            <numerusform>%1: %n feeds back after %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: not back after %2, %n feed(s) down</source>
        <translation>
            <numerusform>%1: not back after %2, %n feed down</numerusform>
            <numerusform>%1: not back after %2, %n feeds down</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FeedSchema</name>
    <message numerus="yes">
        <source>%n row(s) not an object, not shown</source>
        <translation>
            <numerusform>%n row not an object, not shown</numerusform>
            <numerusform>%n rows not objects, not shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) repeat another row&apos;s key</source>
        <translation>
            <numerusform>%n row repeats another row&apos;s key</numerusform>
            <numerusform>%n rows repeat another row&apos;s key</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) without a key</source>
        <translation>
            <numerusform>%n row without a key</numerusform>
            <numerusform>%n rows without a key</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LatencyChart</name>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%1/%n feed(s) live · worst quality: %2</source>
        <translation>
            <numerusform>%1/%n feed live · worst quality: %2</numerusform>
            <numerusform>%1/%n feeds live · worst quality: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n degraded (HTTP)</source>
        <translation>
            <numerusform>%n degraded (HTTP)</numerusform>
            <numerusform>%n degraded (HTTP)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n HTTP fallback failing</source>
        <translation>
            <numerusform>%n HTTP fallback failing</numerusform>
            <numerusform>%n HTTP fallbacks failing</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n command(s) waiting</source>
        <translation>
            <numerusform>%n command waiting</numerusform>
            <numerusform>%n commands waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n with unexpected data</source>
        <translation>
            <numerusform>%n with unexpected data</numerusform>
            <numerusform>%n with unexpected data</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message numerus="yes">
        <source>%n feeds down</source>
        <translation>
            <numerusform>%n feed down</numerusform>
            <numerusform>%n feeds down</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n feeds back</source>
        <translation>
            <numerusform>%n feed back</numerusform>
            <numerusform>%n feeds back</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OverviewPanel</name>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more retrying</source>
        <translation>
            <numerusform>and %n more retrying</numerusform>
            <numerusform>and %n more retrying</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Profile</name>
    <message numerus="yes">
        <source>%n feature(s)</source>
        <translation>
            <numerusform>%n feature</numerusform>
            <numerusform>%n features</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n phase(s)</source>
        <translation>
            <numerusform>%n phase</numerusform>
            <numerusform>%n phases</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n recent failure(s)</source>
        <translation>
            <numerusform>%n recent failure</numerusform>
            <numerusform>%n recent failures</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n route(s)</source>
        <translation>
            <numerusform>%n route</numerusform>
            <numerusform>%n routes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n run(s)</source>
        <translation>
            <numerusform>%n run</numerusform>
            <numerusform>%n runs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n service(s)</source>
        <translation>
            <numerusform>%n service</numerusform>
            <numerusform>%n services</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n value(s)</source>
        <translation>
            <numerusform>%n value</numerusform>
            <numerusform>%n values</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n workflow(s)</source>
        <translation>
            <numerusform>%n workflow</numerusform>
            <numerusform>%n workflows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RulesModel</name>
    <message numerus="yes">
        <source>%1 (%n min ago)</source>
        <translation>
            <numerusform>%1 (%n min ago)</numerusform>
            <numerusform>%1 (%n min ago)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n h ago)</source>
        <translation>
            <numerusform>%1 (%n h ago)</numerusform>
            <numerusform>%1 (%n h ago)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RulesPanel</name>
    <message numerus="yes">
        <source>%n rule(s):</source>
        <translation>
            <numerusform>%n rule:</numerusform>
            <numerusform>%n rules:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n firing</source>
        <translation>
            <numerusform>%n firing</numerusform>
            <numerusform>%n firing</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pending</source>
        <translation>
            <numerusform>%n pending</numerusform>
            <numerusform>%n pending</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n in error</source>
        <translation>
            <numerusform>%n in error</numerusform>
            <numerusform>%n in error</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message numerus="yes">
        <source>Feedwatch — %1/%n feed(s) live</source>
        <translation>
            <numerusform>Feedwatch — %1/%n feed live</numerusform>
            <numerusform>Feedwatch — %1/%n feeds live</numerusform>
        </translation>
    </message>
</context>
</TS>
