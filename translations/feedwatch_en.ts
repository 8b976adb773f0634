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
</context>
<context>
    <name>FeedPages</name>
    <message numerus="yes">
        <source>%n phase(s)</source>
        <translation>
            <numerusform>%n phase</numerusform>
            <numerusform>%n phases</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n workflow(s)</source>
        <translation>
            <numerusform>%n workflow</numerusform>
            <numerusform>%n workflows</numerusform>
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
        <source>%n feature(s)</source>
        <translation>
            <numerusform>%n feature</numerusform>
            <numerusform>%n features</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n webhook(s)</source>
        <translation>
            <numerusform>%n webhook</numerusform>
            <numerusform>%n webhooks</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FeedPanel</name>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FeedSchema</name>
    <message numerus="yes">
        <source>%n row(s) skipped: not an object, without a key or a duplicate key</source>
        <translation>
            <numerusform>%n row skipped: not an object, without a key or a duplicate key</numerusform>
            <numerusform>%n rows skipped: not an object, without a key or a duplicate key</numerusform>
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
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n HTTP fallback failing</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n command(s) waiting</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
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
