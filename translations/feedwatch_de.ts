<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Feedwatch</source>
        <translation>Über Feedwatch</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>Built with Qt %1, running on Qt %2</source>
        <translation>Erstellt mit Qt %1, läuft mit Qt %2</translation>
    </message>
    <message>
        <source>A dashboard for live backend feeds over WebSockets.</source>
        <translation>Ein Dashboard für die Live-Feeds eines Backends über WebSockets.</translation>
    </message>
    <message>
        <source>Copyright © The Feedwatch developers.
Released under the MIT License.</source>
        <translation>Copyright © Die Feedwatch-Entwickler.
Veröffentlicht unter der MIT-Lizenz.</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
</context>
<context>
    <name>CommandsModel</name>
    <message>
        <source>queued</source>
        <translation>eingereiht</translation>
    </message>
    <message>
        <source>sent, waiting for ack</source>
        <translation>gesendet, wartet auf Bestätigung</translation>
    </message>
    <message>
        <source>acked</source>
        <translation>bestätigt</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>Sent %1 times; %2 ack windows elapsed on a live link (counted against commands.max_attempts)</source>
        <translation>%1-mal gesendet; %2 Bestätigungsfenster auf einer Live-Verbindung verstrichen (zählen für commands.max_attempts)</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Feed</source>
        <translation>Feed</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>Arguments</source>
        <translation>Argumente</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Sent %1 times as %2; %3 without an answer that counts (a server error, no answer, the connection lost; counted against commands.max_attempts)</source>
        <translation>%1-mal als %2 gesendet; %3 ohne verwertbare Antwort (Serverfehler, keine Antwort, Verbindung verloren; zählen für commands.max_attempts)</translation>
    </message>
    <message>
        <source>sent, waiting for the answer</source>
        <translation>gesendet, wartet auf Antwort</translation>
    </message>
    <message>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
</context>
<context>
    <name>CommandsPanel</name>
    <message>
        <source>Commands panel</source>
        <translation>Bereich Befehle</translation>
    </message>
    <message>
        <source>Commands</source>
        <translation>Befehle</translation>
    </message>
    <message>
        <source>&amp;Retry command</source>
        <translation>Befehl &amp;wiederholen</translation>
    </message>
    <message>
        <source>&amp;Waiting only</source>
        <translation>&amp;Nur wartende</translation>
    </message>
    <message>
        <source>Show only queued and sent commands</source>
        <translation>Nur eingereihte und gesendete Befehle zeigen</translation>
    </message>
    <message>
        <source>Operator commands</source>
        <translation>Operator-Befehle</translation>
    </message>
    <message>
        <source>sent, waiting for ack</source>
        <translation>gesendet, wartet auf Bestätigung</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Drop this command before it is sent</source>
        <translation>Diesen Befehl verwerfen, bevor er gesendet wird</translation>
    </message>
    <message>
        <source>Already sent: the server may have applied it, so it cannot be cancelled</source>
        <translation>Bereits gesendet: der Server hat ihn vielleicht schon ausgeführt, daher kann er nicht abgebrochen werden</translation>
    </message>
    <message>
        <source>Only a queued command can be cancelled</source>
        <translation>Nur ein eingereihter Befehl kann abgebrochen werden</translation>
    </message>
    <message>
        <source>Ask again: same id when the server may have applied it, a new one when it refused</source>
        <translation>Erneut senden: mit derselben ID, wenn der Server ihn vielleicht ausgeführt hat, mit einer neuen, wenn er ihn abgelehnt hat</translation>
    </message>
    <message>
        <source>Only a failed or expired command can be retried</source>
        <translation>Nur ein fehlgeschlagener oder abgelaufener Befehl kann wiederholt werden</translation>
    </message>
    <message>
        <source>1 command, none waiting</source>
        <translation>1 Befehl, keiner wartet</translation>
    </message>
    <message>
        <source>%1 commands, none waiting</source>
        <translation>%1 Befehle, keiner wartet</translation>
    </message>
    <message>
        <source>%1 of %2 waiting (%3)</source>
        <translation>%1 von %2 warten (%3)</translation>
    </message>
    <message>
        <source>Commands are not available in this session.</source>
        <translation>Befehle sind in dieser Sitzung nicht verfügbar.</translation>
    </message>
    <message>
        <source>Not journaled: %1. Commands are kept in memory only and are lost if Feedwatch stops.</source>
        <translation>Kein Journal: %1. Befehle werden nur im Speicher gehalten und gehen verloren, wenn Feedwatch beendet wird.</translation>
    </message>
    <message>
        <source>Commands are kept in memory only (no journal file).</source>
        <translation>Befehle werden nur im Speicher gehalten (keine Journaldatei).</translation>
    </message>
    <message>
        <source>Journaled in %1: a command survives a crash or restart and is sent once, in order, when its feed is live.</source>
        <translation>Journal in %1: ein Befehl übersteht Absturz und Neustart und wird genau einmal und der Reihe nach gesendet, sobald sein Feed live ist.</translation>
    </message>
    <message>
        <source>Cancelling %1…</source>
        <translation>%1 wird abgebrochen…</translation>
    </message>
    <message>
        <source>Retrying %1…</source>
        <translation>%1 wird wiederholt…</translation>
    </message>
    <message>
        <source>C&amp;ancel command</source>
        <translation>Befehl abb&amp;rechen</translation>
    </message>
    <message>
        <source>Journaled in %1, but: %2. A command the journal cannot take is refused and never sent.</source>
        <translation>Journal in %1, aber: %2. Ein Befehl, den das Journal nicht aufnehmen kann, wird abgelehnt und nie gesendet.</translation>
    </message>
</context>
<context>
    <name>Config</name>
    <message>
        <source>unknown key</source>
        <translation>unbekannter Schlüssel</translation>
    </message>
    <message>
        <source>expected an object</source>
        <translation>Objekt erwartet</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not one of header, query, subprotocol</source>
        <translation>„%1“ ist nicht header, query oder subprotocol</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>ist leer</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid URL (%2)</source>
        <translation>„%1“ ist keine gültige URL (%2)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must start with ws:// or wss://</source>
        <translation>„%1“ muss mit ws:// oder wss:// beginnen</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has no host</source>
        <translation>„%1“ enthält keinen Host</translation>
    </message>
    <message>
        <source>expected key=value</source>
        <translation>Schlüssel=Wert erwartet</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number</source>
        <translation>„%1“ ist keine Zahl</translation>
    </message>
    <message>
        <source>expected a non-empty object of named backends</source>
        <translation>nicht leeres Objekt mit benannten Backends erwartet</translation>
    </message>
    <message>
        <source>several backends are configured; set backends.&lt;name&gt;.server</source>
        <translation>mehrere Backends sind konfiguriert; backends.&lt;Name&gt;.server setzen</translation>
    </message>
    <message>
        <source>expected an array</source>
        <translation>Array erwartet</translation>
    </message>
    <message>
        <source>expected a feed name or object</source>
        <translation>Feed-Name oder Objekt erwartet</translation>
    </message>
    <message>
        <source>missing or invalid feed id</source>
        <translation>Feed-ID fehlt oder ist ungültig</translation>
    </message>
    <message>
        <source>feed &apos;%1&apos; listed twice</source>
        <translation>Feed „%1“ ist doppelt aufgeführt</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be an http:// or https:// URL</source>
        <translation>„%1“ muss eine http://- oder https://-URL sein</translation>
    </message>
    <message>
        <source>expected a number</source>
        <translation>Zahl erwartet</translation>
    </message>
    <message>
        <source>unknown feed &apos;%1&apos;</source>
        <translation>unbekannter Feed „%1“</translation>
    </message>
    <message>
        <source>no feed configured</source>
        <translation>kein Feed konfiguriert</translation>
    </message>
    <message>
        <source>cannot read: %1</source>
        <translation>nicht lesbar: %1</translation>
    </message>
    <message>
        <source>invalid JSON at offset %1: %2</source>
        <translation>ungültiges JSON an Position %1: %2</translation>
    </message>
    <message>
        <source>the top level must be a JSON object</source>
        <translation>die oberste Ebene muss ein JSON-Objekt sein</translation>
    </message>
    <message>
        <source>not a JSON object (%1)</source>
        <translation>kein JSON-Objekt (%1)</translation>
    </message>
    <message>
        <source>no configuration file to write to</source>
        <translation>keine Konfigurationsdatei zum Schreiben</translation>
    </message>
    <message>
        <source>cannot write: %1</source>
        <translation>nicht schreibbar: %1</translation>
    </message>
    <message>
        <source>not a finite number</source>
        <translation>keine endliche Zahl</translation>
    </message>
    <message>
        <source>%1 is out of range [%2, %3]</source>
        <translation>%1 liegt außerhalb des Bereichs [%2, %3]</translation>
    </message>
    <message>
        <source>expected a whole number, got %1</source>
        <translation>ganze Zahl erwartet, %1 erhalten</translation>
    </message>
    <message>
        <source>thresholds must rise: excellent_ms &lt; good_ms &lt; poor_ms</source>
        <translation>Schwellen müssen steigen: excellent_ms &lt; good_ms &lt; poor_ms</translation>
    </message>
    <message>
        <source>larger than backoff.max_ms</source>
        <translation>größer als backoff.max_ms</translation>
    </message>
    <message>
        <source>expected true or false</source>
        <translation>true oder false erwartet</translation>
    </message>
    <message>
        <source>expected the path of a file holding the token</source>
        <translation>Pfad einer Datei mit dem Token erwartet</translation>
    </message>
    <message>
        <source>cannot be combined with auth.token_store</source>
        <translation>nicht zusammen mit auth.token_store möglich</translation>
    </message>
    <message>
        <source>a certificate block is not valid base64</source>
        <translation>ein Zertifikatsblock ist kein gültiges Base64</translation>
    </message>
    <message>
        <source>no PEM certificate (-----BEGIN CERTIFICATE-----) in it</source>
        <translation>enthält kein PEM-Zertifikat (-----BEGIN CERTIFICATE-----)</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: no such file</source>
        <translation>„%1“: Datei nicht gefunden</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: not a regular file of at most 4 MiB</source>
        <translation>„%1“: keine reguläre Datei von höchstens 4 MiB</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: cannot read: %2</source>
        <translation>„%1“: nicht lesbar: %2</translation>
    </message>
    <message>
        <source>expected the path of a PEM file</source>
        <translation>Pfad einer PEM-Datei erwartet</translation>
    </message>
    <message>
        <source>expected {&quot;host&quot;, &quot;port&quot;, &quot;sha256&quot;}</source>
        <translation>{&quot;host&quot;, &quot;port&quot;, &quot;sha256&quot;} erwartet</translation>
    </message>
    <message>
        <source>missing or empty</source>
        <translation>fehlt oder ist leer</translation>
    </message>
    <message>
        <source>expected a port number 1-65535</source>
        <translation>Portnummer 1–65535 erwartet</translation>
    </message>
    <message>
        <source>expected a SHA-256 fingerprint (64 hex digits, colons allowed)</source>
        <translation>SHA-256-Fingerabdruck erwartet (64 Hexadezimalziffern, Doppelpunkte erlaubt)</translation>
    </message>
    <message>
        <source>%1: no such file</source>
        <translation>%1: Datei nicht gefunden</translation>
    </message>
    <message>
        <source>%1: cannot read: %2</source>
        <translation>%1: nicht lesbar: %2</translation>
    </message>
    <message>
        <source>%1: no token for backend &apos;%2&apos;</source>
        <translation>%1: kein Token für das Backend „%2“</translation>
    </message>
    <message>
        <source>%1: empty</source>
        <translation>%1: leer</translation>
    </message>
    <message>
        <source>no token stored for backend &apos;%1&apos; (%2); save one in Settings, or give it with --set auth.token=… or auth.token_file</source>
        <translation>kein Token für das Backend „%1“ gespeichert (%2); speichern Sie eines in den Einstellungen oder geben Sie es mit --set auth.token=… oder auth.token_file an</translation>
    </message>
    <message>
        <source>the token cannot be sent as a WebSocket subprotocol: it contains &apos;%1&apos; (allowed: letters, digits and !#$%&amp;&apos;*+-.^_`|~); use auth.mode header or query</source>
        <translation>das Token kann nicht als WebSocket-Subprotokoll gesendet werden: es enthält „%1“ (erlaubt: Buchstaben, Ziffern und !#$%&amp;&apos;*+-.^_`|~); verwenden Sie auth.mode header oder query</translation>
    </message>
    <message>
        <source>%1: cannot create the directory</source>
        <translation>%1: das Verzeichnis kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>%1: cannot create the directory: %2</source>
        <translation>%1: das Verzeichnis kann nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>%1: not a directory</source>
        <translation>%1: kein Verzeichnis</translation>
    </message>
    <message>
        <source>%1: belongs to another user (uid %2)</source>
        <translation>%1: gehört einem anderen Benutzer (UID %2)</translation>
    </message>
    <message>
        <source>%1: writable by group or others (mode %2); run chmod go-w %1</source>
        <translation>%1: für Gruppe oder andere beschreibbar (Modus %2); führen Sie chmod go-w %1 aus</translation>
    </message>
    <message>
        <source>%1: cannot create a temporary file: %2</source>
        <translation>%1: keine temporäre Datei möglich: %2</translation>
    </message>
    <message>
        <source>cannot write</source>
        <translation>nicht schreibbar</translation>
    </message>
    <message>
        <source>cannot flush</source>
        <translation>kann nicht auf den Datenträger geschrieben werden</translation>
    </message>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1: nicht schreibbar: %2</translation>
    </message>
    <message>
        <source>%1: cannot replace: %2</source>
        <translation>%1: kann nicht ersetzt werden: %2</translation>
    </message>
    <message>
        <source>%1: not a regular file</source>
        <translation>%1: keine reguläre Datei</translation>
    </message>
    <message>
        <source>%1: readable by group or others (mode %2); run chmod 600 %1</source>
        <translation>%1: für Gruppe oder andere lesbar (Modus %2); führen Sie chmod 600 %1 aus</translation>
    </message>
    <message>
        <source>expected a string</source>
        <translation>Zeichenkette erwartet</translation>
    </message>
    <message>
        <source>no such built-in profile (known: %1)</source>
        <translation>kein eingebautes Profil dieses Namens (bekannt: %1)</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>must start with /</source>
        <translation>muss mit / beginnen</translation>
    </message>
    <message>
        <source>expected a non-empty array</source>
        <translation>nicht leeres Array erwartet</translation>
    </message>
    <message>
        <source>&apos;%1&apos; belongs to another feed already</source>
        <translation>„%1“ gehört bereits zu einem anderen Feed</translation>
    </message>
    <message>
        <source>expected a string or an array of strings</source>
        <translation>Zeichenkette oder Array von Zeichenketten erwartet</translation>
    </message>
    <message>
        <source>expected a whole number</source>
        <translation>ganze Zahl erwartet</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not one of %2</source>
        <translation>„%1“ ist keiner der Werte %2</translation>
    </message>
    <message>
        <source>expected a whole number from 0 to 9</source>
        <translation>ganze Zahl von 0 bis 9 erwartet</translation>
    </message>
    <message>
        <source>missing; the field of the row to show</source>
        <translation>fehlt; das anzuzeigende Feld der Zeile</translation>
    </message>
    <message>
        <source>a duration&apos;s [start field, end field]</source>
        <translation>[Startfeld, Endfeld] einer Dauer</translation>
    </message>
    <message>
        <source>missing; where the value is in the data (&quot;/total&quot;)</source>
        <translation>fehlt; wo der Wert in den Daten steht („/total“)</translation>
    </message>
    <message>
        <source>expected exactly one of equals, in, exists</source>
        <translation>genau eines von equals, in, exists erwartet</translation>
    </message>
    <message>
        <source>expected &quot;%n phase(s)&quot; or {&quot;one&quot;: ..., &quot;other&quot;: ...}</source>
        <translation>erwartet: &quot;%n phase(s)&quot; oder {&quot;one&quot;: ..., &quot;other&quot;: ...}</translation>
    </message>
    <message>
        <source>must contain %n, the number</source>
        <translation>muss %n (die Zahl) enthalten</translation>
    </message>
    <message>
        <source>a table needs at least one column</source>
        <translation>eine Tabelle braucht mindestens eine Spalte</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a time zone (local, UTC, an IANA name such as Europe/Berlin, or UTC+02:00)</source>
        <translation>„%1“ ist keine Zeitzone (local, UTC, ein IANA-Name wie Europe/Berlin oder UTC+02:00)</translation>
    </message>
    <message>
        <source>expected a built-in profile name or a file path</source>
        <translation>Name eines eingebauten Profils oder Dateipfad erwartet</translation>
    </message>
    <message>
        <source>larger than reconnect.restart_max_ms</source>
        <translation>größer als reconnect.restart_max_ms</translation>
    </message>
    <message>
        <source>expected a command line or a list of words</source>
        <translation>Befehlszeile oder Liste von Wörtern erwartet</translation>
    </message>
    <message>
        <source>expected a number from 100 to 600000</source>
        <translation>Zahl von 100 bis 600000 erwartet</translation>
    </message>
    <message>
        <source>the token could not be saved: %1</source>
        <translation>das Token konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>saved, but not applied: %1</source>
        <translation>gespeichert, aber nicht angewendet: %1</translation>
    </message>
    <message>
        <source>expected 0 (off) or a number from 1000 to 86400000</source>
        <translation>erwartet 0 (aus) oder eine Zahl von 1000 bis 86400000</translation>
    </message>
    <message>
        <source>expected false or {&quot;path&quot;: ..., &quot;rows&quot;: ...}</source>
        <translation>erwartet false oder {&quot;path&quot;: ..., &quot;rows&quot;: ...}</translation>
    </message>
    <message>
        <source>the HTTP snapshot has nothing at %1</source>
        <translation>der HTTP-Snapshot enthält nichts unter %1</translation>
    </message>
</context>
<context>
    <name>ConnectionsModel</name>
    <message>
        <source>idle</source>
        <translation>inaktiv</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>verbindet</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>verbunden</translation>
    </message>
    <message>
        <source>waiting to reconnect</source>
        <translation>Neuversuch geplant</translation>
    </message>
    <message>
        <source>circuit open</source>
        <translation>Schutzschalter offen</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <source>disconnected</source>
        <translation>getrennt</translation>
    </message>
    <message>
        <source>measuring</source>
        <translation>wird gemessen</translation>
    </message>
    <message>
        <source>excellent</source>
        <translation>sehr gut</translation>
    </message>
    <message>
        <source>good</source>
        <translation>gut</translation>
    </message>
    <message>
        <source>poor</source>
        <translation>schwach</translation>
    </message>
    <message>
        <source>bad</source>
        <translation>schlecht</translation>
    </message>
    <message>
        <source>%L1 ms</source>
        <translation>%L1 ms</translation>
    </message>
    <message>
        <source>closed %1/%2</source>
        <translation>geschlossen %1/%2</translation>
    </message>
    <message>
        <source>half-open (probing)</source>
        <translation>halb offen (Probe)</translation>
    </message>
    <message>
        <source>open, half-open in %1</source>
        <translation>offen, halb offen in %1</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>in %1</translation>
    </message>
    <message>
        <source>%L1 %</source>
        <translation>%L1 %</translation>
    </message>
    <message>
        <source>Feed</source>
        <translation>Feed</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Qualität</translation>
    </message>
    <message>
        <source>RTT</source>
        <translation>RTT</translation>
    </message>
    <message>
        <source>RTT (avg)</source>
        <translation>RTT (Mittel)</translation>
    </message>
    <message>
        <source>RTT p95</source>
        <translation>RTT p95</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Versuch</translation>
    </message>
    <message>
        <source>Total retries</source>
        <translation>Wiederholungen</translation>
    </message>
    <message>
        <source>Circuit</source>
        <translation>Schutzschalter</translation>
    </message>
    <message>
        <source>Next retry</source>
        <translation>Neuversuch</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>Verfügbarkeit</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Protocol errors</source>
        <translation>Protokollfehler</translation>
    </message>
    <message>
        <source>degraded (HTTP)</source>
        <translation>beeinträchtigt (HTTP)</translation>
    </message>
    <message>
        <source>HTTP fallback failing</source>
        <translation>HTTP-Fallback schlägt fehl</translation>
    </message>
    <message>
        <source>HTTP fallback: first request in flight</source>
        <translation>HTTP-Fallback: erste Anfrage läuft</translation>
    </message>
    <message>
        <source>degraded (HTTP): snapshots over HTTP while the WebSocket is %1</source>
        <translation>beeinträchtigt (HTTP): Snapshots über HTTP, solange der WebSocket im Zustand „%1“ ist</translation>
    </message>
    <message>
        <source>HTTP fallback failing: %1</source>
        <translation>HTTP-Fallback schlägt fehl: %1</translation>
    </message>
    <message>
        <source>Operator commands waiting to be delivered: %1</source>
        <translation>Operator-Befehle, die auf Zustellung warten: %1</translation>
    </message>
    <message>
        <source>Commands</source>
        <translation>Befehle</translation>
    </message>
    <message>
        <source>connected, unexpected data</source>
        <translation>verbunden, unerwartete Daten</translation>
    </message>
    <message>
        <source>The data is not what the profile describes: %1</source>
        <translation>Die Daten entsprechen nicht dem Profil: %1</translation>
    </message>
    <message>
        <source>%1 ▲%2</source>
        <translation>%1 ▲%2</translation>
    </message>
    <message>
        <source>%1 ▼%2</source>
        <translation>%1 ▼%2</translation>
    </message>
    <message>
        <source>healthy</source>
        <translation>intakt</translation>
    </message>
    <message>
        <source>degraded</source>
        <translation>beeinträchtigt</translation>
    </message>
    <message>
        <source>unhealthy</source>
        <translation>gestört</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>kritisch</translation>
    </message>
    <message>
        <source>no data beyond the stale limit</source>
        <translation>keine Daten über die Veraltungsfrist hinaus</translation>
    </message>
    <message>
        <source>heartbeat missed</source>
        <translation>Heartbeat verpasst</translation>
    </message>
    <message>
        <source>repeated drops</source>
        <translation>wiederholte Abbrüche</translation>
    </message>
    <message>
        <source>pong late</source>
        <translation>Pong verspätet</translation>
    </message>
    <message>
        <source>low quality score</source>
        <translation>niedriger Qualitätsscore</translation>
    </message>
    <message>
        <source>faster heartbeat to confirm</source>
        <translation>schnellerer Heartbeat zur Bestätigung</translation>
    </message>
    <message>
        <source>heartbeat back to normal</source>
        <translation>Heartbeat wieder normal</translation>
    </message>
    <message>
        <source>waiting for the scheduled retry</source>
        <translation>wartet auf den geplanten neuen Versuch</translation>
    </message>
    <message>
        <source>HTTP fallback started</source>
        <translation>HTTP-Fallback gestartet</translation>
    </message>
    <message>
        <source>HTTP fallback stopped</source>
        <translation>HTTP-Fallback beendet</translation>
    </message>
    <message>
        <source>alert raised</source>
        <translation>Alarm ausgelöst</translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation>%1; %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Zustand</translation>
    </message>
</context>
<context>
    <name>ConnectionsPanel</name>
    <message>
        <source>Reconnect &amp;all</source>
        <translation>Alle &amp;neu verbinden</translation>
    </message>
    <message>
        <source>Reconnect all feeds</source>
        <translation>Alle Feeds neu verbinden</translation>
    </message>
    <message>
        <source>Reconnect every feed now, staggered; resets open circuits and backoff</source>
        <translation>Jeden Feed jetzt gestaffelt neu verbinden; setzt offene Schutzschalter und Backoff zurück</translation>
    </message>
    <message>
        <source>Feed connections</source>
        <translation>Feed-Verbindungen</translation>
    </message>
    <message>
        <source>Last RTT</source>
        <translation>Letzte RTT</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Versuch</translation>
    </message>
    <message>
        <source>Average RTT</source>
        <translation>RTT im Mittel</translation>
    </message>
    <message>
        <source>Total retries</source>
        <translation>Wiederholungen</translation>
    </message>
    <message>
        <source>p95 RTT</source>
        <translation>RTT p95</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>Verfügbarkeit</translation>
    </message>
    <message>
        <source>p99 RTT</source>
        <translation>RTT p99</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Protocol errors</source>
        <translation>Protokollfehler</translation>
    </message>
    <message>
        <source>Unchanged snapshots</source>
        <translation>Unveränderte Snapshots</translation>
    </message>
    <message>
        <source>Next retry</source>
        <translation>Nächster Versuch</translation>
    </message>
    <message>
        <source>Circuit</source>
        <translation>Schutzschalter</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>&amp;Reconnect</source>
        <translation>Ne&amp;u verbinden</translation>
    </message>
    <message>
        <source>Drop the link and connect now; resets backoff and the circuit</source>
        <translation>Verbindung trennen und sofort neu aufbauen; setzt Backoff und Schutzschalter zurück</translation>
    </message>
    <message>
        <source>Test co&amp;nnection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>Open a separate connection, measure handshake and ping; the live link is untouched</source>
        <translation>Eine eigene Verbindung öffnen, Handshake und Ping messen; die laufende Verbindung bleibt unberührt</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>&amp;Stoppen</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Test läuft…</translation>
    </message>
    <message>
        <source>%1: ok — %2 (connect %3)</source>
        <translation>%1: ok — %2 (Verbindungsaufbau %3)</translation>
    </message>
    <message>
        <source>%1: failed — %2 (HTTP %3)</source>
        <translation>%1: fehlgeschlagen — %2 (HTTP %3)</translation>
    </message>
    <message>
        <source>%1: failed — %2</source>
        <translation>%1: fehlgeschlagen — %2</translation>
    </message>
    <message>
        <source>reconnecting</source>
        <translation>wird neu verbunden</translation>
    </message>
    <message>
        <source>reconnecting in %1</source>
        <translation>neuer Versuch in %1</translation>
    </message>
    <message>
        <source>reconnecting now…</source>
        <translation>verbindet jetzt neu…</translation>
    </message>
    <message>
        <source>circuit open, next try in %1</source>
        <translation>Schutzschalter offen, nächster Versuch in %1</translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation>verbindet…</translation>
    </message>
    <message>
        <source>— (connected)</source>
        <translation>— (verbunden)</translation>
    </message>
    <message>
        <source>waiting for the network</source>
        <translation>wartet auf das Netzwerk</translation>
    </message>
    <message>
        <source>stopped: not authorized (reconnect by hand)</source>
        <translation>gestoppt: nicht autorisiert (von Hand neu verbinden)</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>nicht gestartet</translation>
    </message>
    <message>
        <source>closed · %1/%2 failures</source>
        <translation>geschlossen · %1/%2 Fehlschläge</translation>
    </message>
    <message>
        <source>half-open · probing</source>
        <translation>halb offen · Probeversuch</translation>
    </message>
    <message>
        <source>open · %1/%2 failures · half-open in %3</source>
        <translation>offen · %1/%2 Fehlschläge · halb offen in %3</translation>
    </message>
    <message>
        <source>No feed selected</source>
        <translation>Kein Feed ausgewählt</translation>
    </message>
    <message>
        <source>%1 (close code %2)</source>
        <translation>%1 (Close-Code %2)</translation>
    </message>
    <message>
        <source>S&amp;tart</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>Start feed %1</source>
        <translation>Feed %1 starten</translation>
    </message>
    <message>
        <source>Stop feed %1</source>
        <translation>Feed %1 stoppen</translation>
    </message>
    <message>
        <source>Start this feed again</source>
        <translation>Diesen Feed wieder starten</translation>
    </message>
    <message>
        <source>Close this feed&apos;s link and stop retrying</source>
        <translation>Die Verbindung dieses Feeds schließen und keine neuen Versuche mehr</translation>
    </message>
    <message>
        <source>Reconnect feed %1</source>
        <translation>Feed %1 neu verbinden</translation>
    </message>
    <message>
        <source>Test connection of feed %1</source>
        <translation>Verbindung von Feed %1 testen</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n feed(s) live · worst quality: %2</source>
        <translation>
            <numerusform>%1 von %n Feed live · schlechteste Qualität: %2</numerusform>
            <numerusform>%1 von %n Feeds live · schlechteste Qualität: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Show the refused certificate and, once you confirm, accept exactly that certificate on this host and port</source>
        <translation>Das abgelehnte Zertifikat zeigen und nach Ihrer Bestätigung genau dieses Zertifikat auf diesem Host und Port annehmen</translation>
    </message>
    <message>
        <source>stopped: certificate not trusted (see Last error)</source>
        <translation>gestoppt: Zertifikat nicht vertrauenswürdig (siehe Letzter Fehler)</translation>
    </message>
    <message>
        <source>Tr&amp;ust this certificate…</source>
        <translation>&amp;Zertifikat vertrauen…</translation>
    </message>
    <message>
        <source>HTTP fallback</source>
        <translation>HTTP-Fallback</translation>
    </message>
    <message>
        <source>Commands</source>
        <translation>Befehle</translation>
    </message>
    <message>
        <source>off (the WebSocket delivers, or no snapshot URL)</source>
        <translation>aus (der WebSocket liefert, oder keine Snapshot-URL)</translation>
    </message>
    <message>
        <source>%1 waiting to be delivered</source>
        <translation>%1 warten auf Zustellung</translation>
    </message>
    <message>
        <source>none waiting</source>
        <translation>keiner wartet</translation>
    </message>
    <message>
        <source>Pongs that answered none of our pings (unsolicited, or echoing another clock): counted, never used as a measurement</source>
        <translation>Pongs, die auf keinen unserer Pings antworten (unaufgefordert oder mit der Zeit einer anderen Uhr): gezählt, nie als Messwert verwendet</translation>
    </message>
    <message>
        <source>Answers whose round trip was outside any plausible range (negative, or longer than the heartbeat timeout): not averaged</source>
        <translation>Antworten, deren Umlaufzeit außerhalb jedes plausiblen Bereichs lag (negativ oder länger als der Heartbeat-Timeout): nicht gemittelt</translation>
    </message>
    <message>
        <source>Unmatched pongs</source>
        <translation>Unzugeordnete Pongs</translation>
    </message>
    <message>
        <source>Rejected RTTs</source>
        <translation>Verworfene RTTs</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>stopped: refused (see Last error; fix the path or the token, then reconnect)</source>
        <translation>gestoppt: abgelehnt (siehe Letzter Fehler; Pfad oder Token korrigieren, dann neu verbinden)</translation>
    </message>
    <message>
        <source>no snapshot yet</source>
        <translation>noch kein Snapshot</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) in the table</source>
        <translation>
            <numerusform>%n Zeile in der Tabelle</numerusform>
            <numerusform>%n Zeilen in der Tabelle</numerusform>
        </translation>
    </message>
    <message>
        <source>not as the profile describes: %1</source>
        <translation>nicht wie im Profil beschrieben: %1</translation>
    </message>
    <message>
        <source>routed: %1 applied here from other sockets, %2 handed to other feeds</source>
        <translation>weitergeleitet: %1 von anderen Sockets hier übernommen, %2 an andere Feeds übergeben</translation>
    </message>
    <message>
        <source>ignored (no configured feed): %1</source>
        <translation>ignoriert (kein konfigurierter Feed): %1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Close codes</source>
        <translation>Close-Codes</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 · for %2</source>
        <translation>%1 · seit %2</translation>
    </message>
    <message>
        <source>%1 of 100 (trend over a minute: %2%3)</source>
        <translation>%1 von 100 (Trend über eine Minute: %2%3)</translation>
    </message>
    <message>
        <source>none since the start</source>
        <translation>keine seit dem Start</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>no link events yet</source>
        <translation>noch keine Verbindungsereignisse</translation>
    </message>
    <message>
        <source>%1  %2: %3</source>
        <translation>%1  %2: %3</translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <source>&amp;Restart server</source>
        <translation>Server &amp;neu starten</translation>
    </message>
    <message>
        <source>&amp;Drop connections (no close frame)</source>
        <translation>Verbindungen &amp;trennen (ohne Close-Frame)</translation>
    </message>
    <message>
        <source>&amp;Freeze</source>
        <translation>&amp;Einfrieren</translation>
    </message>
    <message>
        <source>Add &amp;latency</source>
        <translation>&amp;Latenz hinzufügen</translation>
    </message>
    <message>
        <source>Limit &amp;bandwidth</source>
        <translation>&amp;Bandbreite begrenzen</translation>
    </message>
    <message>
        <source>&amp;Hang handshakes</source>
        <translation>&amp;Handshakes hängen lassen</translation>
    </message>
    <message>
        <source>Refuse &amp;upgrades</source>
        <translation>&amp;Upgrades ablehnen</translation>
    </message>
    <message>
        <source>&amp;Close with code</source>
        <translation>Mit &amp;Code schließen</translation>
    </message>
    <message>
        <source>Send &amp;malformed JSON</source>
        <translation>&amp;Fehlerhaftes JSON senden</translation>
    </message>
    <message>
        <source>Send an &amp;over-size message</source>
        <translation>Übergroße Nachricht &amp;senden</translation>
    </message>
    <message>
        <source>Send a b&amp;inary frame</source>
        <translation>B&amp;inär-Frame senden</translation>
    </message>
    <message>
        <source>Flood with &amp;snapshots</source>
        <translation>Mit Snapshots &amp;überfluten</translation>
    </message>
    <message>
        <source>Apply commands without &amp;acks</source>
        <translation>Befehle &amp;ohne Bestätigung ausführen</translation>
    </message>
</context>
<context>
    <name>DemoMenu</name>
    <message>
        <source>&amp;Demo</source>
        <translation>De&amp;mo</translation>
    </message>
    <message>
        <source>&amp;All feeds</source>
        <translation>&amp;Alle Feeds</translation>
    </message>
    <message>
        <source>Cl&amp;ear all faults</source>
        <translation>Alle Störungen &amp;aufheben</translation>
    </message>
    <message>
        <source>Close every connection, listen again after %1 s with a new server id</source>
        <translation>Alle Verbindungen schließen, nach %1 s mit neuer Server-ID wieder annehmen</translation>
    </message>
    <message>
        <source>Abort TCP without a close frame (the client sees 1006)</source>
        <translation>TCP ohne Close-Frame abbrechen (der Client sieht 1006)</translation>
    </message>
    <message>
        <source>Stop sending and reading; TCP stays open, pings go unanswered</source>
        <translation>Nichts mehr senden und lesen; TCP bleibt offen, Pings bleiben unbeantwortet</translation>
    </message>
    <message>
        <source>Delay every message by %1 ms plus up to %2 ms of jitter</source>
        <translation>Jede Nachricht um %1 ms plus bis zu %2 ms Jitter verzögern</translation>
    </message>
    <message>
        <source>Limit outgoing data to %1 bytes per second</source>
        <translation>Ausgehende Daten auf %1 Byte pro Sekunde begrenzen</translation>
    </message>
    <message>
        <source>Accept TCP, never answer the WebSocket handshake</source>
        <translation>TCP annehmen, den WebSocket-Handshake nie beantworten</translation>
    </message>
    <message>
        <source>Answer the upgrade with HTTP %1 and keep TCP open</source>
        <translation>Das Upgrade mit HTTP %1 beantworten und TCP offen lassen</translation>
    </message>
    <message>
        <source>Answer the upgrade with HTTP %1 and close TCP</source>
        <translation>Das Upgrade mit HTTP %1 beantworten und TCP schließen</translation>
    </message>
    <message>
        <source>Send a close frame with code %1</source>
        <translation>Einen Close-Frame mit Code %1 senden</translation>
    </message>
    <message>
        <source>Send a text message that is not JSON</source>
        <translation>Eine Textnachricht senden, die kein JSON ist</translation>
    </message>
    <message>
        <source>Send a valid JSON message of %1 MiB</source>
        <translation>Eine gültige JSON-Nachricht mit %1 MiB senden</translation>
    </message>
    <message>
        <source>Send a binary frame (the protocol has text frames only)</source>
        <translation>Einen Binär-Frame senden (das Protokoll kennt nur Text-Frames)</translation>
    </message>
    <message numerus="yes">
        <source>Send %n snapshot(s) as fast as possible</source>
        <translation>
            <numerusform>%n Snapshot so schnell wie möglich senden</numerusform>
            <numerusform>%n Snapshots so schnell wie möglich senden</numerusform>
        </translation>
    </message>
    <message>
        <source>Apply commands but never acknowledge them</source>
        <translation>Befehle ausführen, aber nie bestätigen</translation>
    </message>
    <message>
        <source>Delay every message by %1 ms</source>
        <translation>Jede Nachricht um %1 ms verzögern</translation>
    </message>
    <message>
        <source>HTTP 403 Forbidden</source>
        <translation>HTTP 403 Verboten</translation>
    </message>
    <message>
        <source>HTTP 404 Not Found</source>
        <translation>HTTP 404 Nicht gefunden</translation>
    </message>
    <message>
        <source>HTTP 500 Internal Server Error</source>
        <translation>HTTP 500 Interner Serverfehler</translation>
    </message>
    <message>
        <source>HTTP 503 Service Unavailable</source>
        <translation>HTTP 503 Dienst nicht verfügbar</translation>
    </message>
    <message>
        <source>1011 Server error</source>
        <translation>1011 Serverfehler</translation>
    </message>
    <message>
        <source>1001 Going away</source>
        <translation>1001 Server wird beendet</translation>
    </message>
    <message>
        <source>1008 Policy violation</source>
        <translation>1008 Richtlinienverstoß</translation>
    </message>
    <message>
        <source>1013 Try again later</source>
        <translation>1013 Später erneut versuchen</translation>
    </message>
    <message>
        <source>4001 Token expired</source>
        <translation>4001 Token abgelaufen</translation>
    </message>
    <message>
        <source>300 ms ± 50</source>
        <translation>300 ms ± 50</translation>
    </message>
    <message>
        <source>1 s ± 200 ms</source>
        <translation>1 s ± 200 ms</translation>
    </message>
    <message>
        <source>3 s</source>
        <translation>3 s</translation>
    </message>
    <message>
        <source>2 KiB/s</source>
        <translation>2 KiB/s</translation>
    </message>
    <message>
        <source>256 B/s</source>
        <translation>256 B/s</translation>
    </message>
    <message>
        <source>Broadcast every feed on every socket</source>
        <translation>Jeden Feed auf jedem Socket senden</translation>
    </message>
    <message>
        <source>As the real tac-webbuilder server does</source>
        <translation>Wie es der echte tac-webbuilder-Server tut</translation>
    </message>
</context>
<context>
    <name>EventLogModel</name>
    <message>
        <source>From an earlier session</source>
        <translation>Aus einer früheren Sitzung</translation>
    </message>
    <message>
        <source>%1
From an earlier session</source>
        <translation>%1
Aus einer früheren Sitzung</translation>
    </message>
    <message>
        <source>(app)</source>
        <translation>(App)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Feed</source>
        <translation>Feed</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n updates since %1 · %2</source>
        <translation>
            <numerusform>%n Aktualisierung seit %1 · %2</numerusform>
            <numerusform>%n Aktualisierungen seit %1 · %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n round trips since %1 · last: %2</source>
        <translation>
            <numerusform>%n Umlauf seit %1 · zuletzt: %2</numerusform>
            <numerusform>%n Umläufe seit %1 · zuletzt: %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EventLogPanel</name>
    <message>
        <source>Hide &amp;update/latency noise</source>
        <translation>Updates und Latenzen a&amp;usblenden</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportieren…</translation>
    </message>
    <message>
        <source>Filter by feed</source>
        <translation>Nach Feed filtern</translation>
    </message>
    <message>
        <source>All feeds</source>
        <translation>Alle Feeds</translation>
    </message>
    <message>
        <source>App events (no feed)</source>
        <translation>App-Ereignisse (ohne Feed)</translation>
    </message>
    <message>
        <source>Filter by event kind</source>
        <translation>Nach Ereignisart filtern</translation>
    </message>
    <message>
        <source>All events</source>
        <translation>Alle Ereignisse</translation>
    </message>
    <message>
        <source>Filter text</source>
        <translation>Filtertext</translation>
    </message>
    <message>
        <source>Filter text…</source>
        <translation>Text filtern…</translation>
    </message>
    <message>
        <source>Hide snapshot updates and RTT samples unless chosen as the kind</source>
        <translation>Snapshot-Updates und RTT-Messwerte ausblenden, außer sie sind als Ereignisart gewählt</translation>
    </message>
    <message>
        <source>Export shown events</source>
        <translation>Angezeigte Ereignisse exportieren</translation>
    </message>
    <message>
        <source>Write the rows shown to a JSON Lines file</source>
        <translation>Die angezeigten Zeilen in eine JSON-Lines-Datei schreiben</translation>
    </message>
    <message>
        <source>F&amp;eed</source>
        <translation>&amp;Feed</translation>
    </message>
    <message>
        <source>Eve&amp;nt</source>
        <translation>Ereig&amp;nis</translation>
    </message>
    <message>
        <source>Event log</source>
        <translation>Ereignisprotokoll</translation>
    </message>
    <message>
        <source>Events: %1</source>
        <translation>Ereignisse: %1</translation>
    </message>
    <message>
        <source>Events: %1 shown of %2</source>
        <translation>Ereignisse: %1 von %2 angezeigt</translation>
    </message>
    <message>
        <source>Nothing to export: no events are shown</source>
        <translation>Nichts zu exportieren: keine Ereignisse angezeigt</translation>
    </message>
    <message>
        <source>Export event log</source>
        <translation>Ereignisprotokoll exportieren</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl);;All files (*)</source>
        <translation>JSON Lines (*.jsonl);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Exported to %1 (rows: %2)</source>
        <translation>Exportiert nach %1 (Zeilen: %2)</translation>
    </message>
    <message>
        <source>&amp;Alerts only</source>
        <translation>Nur A&amp;larme</translation>
    </message>
    <message>
        <source>Only the alerts: feed down or back, circuit opened, not authorized, server restarted; earlier sessions&apos; are in grey</source>
        <translation>Nur die Alarme: Feed ausgefallen oder wieder da, Schutzschalter geöffnet, nicht autorisiert, Server neu gestartet; die aus früheren Sitzungen sind grau</translation>
    </message>
    <message>
        <source>%1 from earlier sessions (grey, italic)</source>
        <translation>%1 aus früheren Sitzungen (grau, kursiv)</translation>
    </message>
    <message>
        <source>Clear the filter text</source>
        <translation>Filtertext löschen</translation>
    </message>
</context>
<context>
    <name>EventText</name>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation>Versuch</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>Stable</source>
        <translation>Stabil</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Getrennt</translation>
    </message>
    <message>
        <source>Retry scheduled</source>
        <translation>Neuer Versuch geplant</translation>
    </message>
    <message>
        <source>Circuit breaker</source>
        <translation>Schutzschalter</translation>
    </message>
    <message>
        <source>Heartbeat timeout</source>
        <translation>Heartbeat-Timeout</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <source>Snapshot</source>
        <translation>Snapshot</translation>
    </message>
    <message>
        <source>HTTP polling</source>
        <translation>HTTP-Abfrage</translation>
    </message>
    <message>
        <source>Polling error</source>
        <translation>Abfragefehler</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>Protocol error</source>
        <translation>Protokollfehler</translation>
    </message>
    <message>
        <source>Server hello</source>
        <translation>Server-Begrüßung</translation>
    </message>
    <message>
        <source>Server restart</source>
        <translation>Server-Neustart</translation>
    </message>
    <message>
        <source>Server error</source>
        <translation>Serverfehler</translation>
    </message>
    <message>
        <source>Not authorized</source>
        <translation>Nicht autorisiert</translation>
    </message>
    <message>
        <source>Configuration error</source>
        <translation>Konfigurationsfehler</translation>
    </message>
    <message>
        <source>Manual reconnect</source>
        <translation>Manuell neu verbunden</translation>
    </message>
    <message>
        <source>Connection test</source>
        <translation>Verbindungstest</translation>
    </message>
    <message>
        <source>Engine started</source>
        <translation>Engine gestartet</translation>
    </message>
    <message>
        <source>Engine stopped</source>
        <translation>Engine gestoppt</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Netzwerk</translation>
    </message>
    <message>
        <source>Commands recovered</source>
        <translation>Befehle übernommen</translation>
    </message>
    <message>
        <source>Network monitor</source>
        <translation>Netzwerküberwachung</translation>
    </message>
    <message>
        <source>%1 by the operator</source>
        <translation>%1 durch den Operator</translation>
    </message>
    <message>
        <source>%1: not authorized</source>
        <translation>%1: nicht autorisiert</translation>
    </message>
    <message>
        <source>%1: configuration error</source>
        <translation>%1: Konfigurationsfehler</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>attempt %1 to %2</source>
        <translation>Versuch %1 zu %2</translation>
    </message>
    <message>
        <source>attempt %1, handshake in %2</source>
        <translation>Versuch %1, Handshake in %2</translation>
    </message>
    <message>
        <source>up for %1: attempts, backoff and circuit reset</source>
        <translation>seit %1 verbunden: Versuche, Backoff und Schutzschalter zurückgesetzt</translation>
    </message>
    <message>
        <source>closed after %1: %2 (code %3)</source>
        <translation>nach %1 geschlossen: %2 (Code %3)</translation>
    </message>
    <message>
        <source>attempt failed: %1 (code %2)</source>
        <translation>Versuch fehlgeschlagen: %1 (Code %2)</translation>
    </message>
    <message>
        <source>%1; will retry</source>
        <translation>%1; neuer Versuch folgt</translation>
    </message>
    <message>
        <source>%1; will retry after the longest delay</source>
        <translation>%1; neuer Versuch nach der längsten Wartezeit</translation>
    </message>
    <message>
        <source>%1; stopped: not authorized</source>
        <translation>%1; gestoppt: nicht autorisiert</translation>
    </message>
    <message>
        <source>%1; stopped: configuration error</source>
        <translation>%1; gestoppt: Konfigurationsfehler</translation>
    </message>
    <message>
        <source>attempt %1 in %2, when the circuit half-opens</source>
        <translation>Versuch %1 in %2, wenn der Schutzschalter halb öffnet</translation>
    </message>
    <message>
        <source>attempt %1 in %2</source>
        <translation>Versuch %1 in %2</translation>
    </message>
    <message>
        <source>attempt %1 in %2 (%3)</source>
        <translation>Versuch %1 in %2 (%3)</translation>
    </message>
    <message numerus="yes">
        <source>open after %n failure(s), for %1</source>
        <translation>
            <numerusform>offen nach %n Fehlschlag, für %1</numerusform>
            <numerusform>offen nach %n Fehlschlägen, für %1</numerusform>
        </translation>
    </message>
    <message>
        <source>half-open: one probe attempt</source>
        <translation>halb offen: ein Probeversuch</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>geschlossen</translation>
    </message>
    <message>
        <source>%1 by a manual reconnect</source>
        <translation>%1 durch manuelles Neuverbinden</translation>
    </message>
    <message>
        <source>no pong within %1: the link is dead and was aborted</source>
        <translation>kein Pong innerhalb von %1: die Verbindung ist tot und wurde abgebrochen</translation>
    </message>
    <message>
        <source>ping frame</source>
        <translation>Ping-Frame</translation>
    </message>
    <message>
        <source>JSON ping</source>
        <translation>JSON-Ping</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>%1: %2 bytes</source>
        <translation>%1: %2 Byte</translation>
    </message>
    <message>
        <source>%1: %2 bytes, identical to the last one</source>
        <translation>%1: %2 Byte, identisch mit dem letzten</translation>
    </message>
    <message>
        <source>%1, over HTTP</source>
        <translation>%1, über HTTP</translation>
    </message>
    <message>
        <source>on: snapshots from %1 while the WebSocket cannot deliver</source>
        <translation>an: Snapshots von %1, solange der WebSocket nicht liefert</translation>
    </message>
    <message>
        <source>off: the WebSocket delivers again</source>
        <translation>aus: der WebSocket liefert wieder</translation>
    </message>
    <message>
        <source>HTTP snapshot request failed: %1</source>
        <translation>HTTP-Snapshot-Abfrage fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>eingereiht</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>gesendet</translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation>bestätigt</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>%1 (%2): %3, attempts: %4</source>
        <translation>%1 (%2): %3, Versuche: %4</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 (%2 bytes)</source>
        <translation>%1 (%2 Byte)</translation>
    </message>
    <message>
        <source>server %1, connection %2</source>
        <translation>Server %1, Verbindung %2</translation>
    </message>
    <message>
        <source>server id changed from %1 to %2</source>
        <translation>Server-ID von %1 zu %2 gewechselt</translation>
    </message>
    <message>
        <source>the server says: %1</source>
        <translation>der Server meldet: %1</translation>
    </message>
    <message>
        <source>%1 — no automatic retries until a manual reconnect</source>
        <translation>%1 — keine automatischen Versuche bis zum manuellen Neuverbinden</translation>
    </message>
    <message>
        <source>%1 — stopped until a manual reconnect</source>
        <translation>%1 — gestoppt bis zum manuellen Neuverbinden</translation>
    </message>
    <message>
        <source>backoff and circuit reset</source>
        <translation>Backoff und Schutzschalter zurückgesetzt</translation>
    </message>
    <message>
        <source>ok: RTT %1, handshake %2</source>
        <translation>ok: RTT %1, Handshake %2</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>fehlgeschlagen: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n feed(s), started %1 apart</source>
        <translation>
            <numerusform>%n Feed, im Abstand von %1 gestartet</numerusform>
            <numerusform>%n Feeds, im Abstand von %1 gestartet</numerusform>
        </translation>
    </message>
    <message>
        <source>clean shutdown</source>
        <translation>sauber beendet</translation>
    </message>
    <message>
        <source>online: retrying now</source>
        <translation>online: neuer Versuch sofort</translation>
    </message>
    <message>
        <source>offline: retries paused</source>
        <translation>offline: Versuche pausiert</translation>
    </message>
    <message numerus="yes">
        <source>%n unfinished command(s) taken over from the journal</source>
        <translation>
            <numerusform>%n unerledigter Befehl aus dem Journal übernommen</numerusform>
            <numerusform>%n unerledigte Befehle aus dem Journal übernommen</numerusform>
        </translation>
    </message>
    <message>
        <source>none: the network counts as always online</source>
        <translation>keine: das Netzwerk gilt als immer online</translation>
    </message>
    <message>
        <source>reachability from %1</source>
        <translation>Erreichbarkeit über %1</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Qualität</translation>
    </message>
    <message>
        <source>%1: no pong for %2</source>
        <translation>%1: seit %2 kein Pong</translation>
    </message>
    <message>
        <source>Certificate refused</source>
        <translation>Zertifikat abgelehnt</translation>
    </message>
    <message>
        <source>Trusted certificate</source>
        <translation>Vertrautes Zertifikat</translation>
    </message>
    <message>
        <source>%1: certificate not trusted</source>
        <translation>%1: Zertifikat nicht vertrauenswürdig</translation>
    </message>
    <message>
        <source>%1; stopped: certificate not trusted</source>
        <translation>%1; gestoppt: Zertifikat nicht vertrauenswürdig</translation>
    </message>
    <message>
        <source>%1:%2 presented the certificate trusted for it (SHA-256 %3)</source>
        <translation>%1:%2 hat das für ihn vertraute Zertifikat vorgelegt (SHA-256 %3)</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <source>Journal storage</source>
        <translation>Journalspeicher</translation>
    </message>
    <message>
        <source>%1 cannot be used (%2): commands are kept in memory only, no history</source>
        <translation>%1 ist nicht nutzbar (%2): Befehle werden nur im Speicher gehalten, kein Verlauf</translation>
    </message>
    <message>
        <source>Server restarting</source>
        <translation>Server startet neu</translation>
    </message>
    <message>
        <source>Restart complete</source>
        <translation>Neustart abgeschlossen</translation>
    </message>
    <message>
        <source>Server down</source>
        <translation>Server ausgefallen</translation>
    </message>
    <message>
        <source>Unmatched pong</source>
        <translation>Unzugeordneter Pong</translation>
    </message>
    <message>
        <source>RTT rejected</source>
        <translation>RTT verworfen</translation>
    </message>
    <message>
        <source>Prometheus metrics</source>
        <translation>Prometheus-Metriken</translation>
    </message>
    <message>
        <source>server not accepting connections yet; will retry</source>
        <translation>Server nimmt noch keine Verbindungen an; neuer Versuch folgt</translation>
    </message>
    <message>
        <source>%1; the server is restarting: reconnecting soon</source>
        <translation>%1; der Server startet neu: Verbindung wird gleich neu aufgebaut</translation>
    </message>
    <message>
        <source>%1; the server is not ready yet: will retry</source>
        <translation>%1; der Server ist noch nicht bereit: neuer Versuch folgt</translation>
    </message>
    <message>
        <source>%1; stopped: refused (unknown path, or credentials refused)</source>
        <translation>%1; gestoppt: abgelehnt (unbekannter Pfad oder Zugangsdaten abgelehnt)</translation>
    </message>
    <message>
        <source>%1: the server is back after %2</source>
        <translation>%1: der Server ist nach %2 wieder da</translation>
    </message>
    <message>
        <source>%1: the server is restarting (%2)</source>
        <translation>%1: der Server startet neu (%2)</translation>
    </message>
    <message>
        <source>%1: the server is restarting or unreachable (%2)</source>
        <translation>%1: der Server startet neu oder ist nicht erreichbar (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n feed(s) back after %2</source>
        <translation>
            <numerusform>%1: %n Feed nach %2 wieder da</numerusform>
            <numerusform>%1: %n Feeds nach %2 wieder da</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: not back after %2, %n feed(s) down</source>
        <translation>
            <numerusform>%1: nach %2 nicht wieder da, %n Feed ausgefallen</numerusform>
            <numerusform>%1: nach %2 nicht wieder da, %n Feeds ausgefallen</numerusform>
        </translation>
    </message>
    <message>
        <source>a pong that answers none of our pings (%1): counted, not measured</source>
        <translation>ein Pong, der auf keinen unserer Pings antwortet (%1): gezählt, nicht gemessen</translation>
    </message>
    <message>
        <source>JSON pong</source>
        <translation>JSON-Pong</translation>
    </message>
    <message>
        <source>pong frame</source>
        <translation>Pong-Frame</translation>
    </message>
    <message>
        <source>%1 rejected: %2</source>
        <translation>%1 verworfen: %2</translation>
    </message>
    <message>
        <source>journal write failed (%1): command %2 goes on</source>
        <translation>Schreiben ins Journal fehlgeschlagen (%1): Befehl %2 läuft weiter</translation>
    </message>
    <message>
        <source>journal write failed (%1): command %2 refused, not sent</source>
        <translation>Schreiben ins Journal fehlgeschlagen (%1): Befehl %2 abgelehnt, nicht gesendet</translation>
    </message>
    <message>
        <source>%1: the history cannot be kept (%2); commands are journaled</source>
        <translation>%1: der Verlauf kann nicht gespeichert werden (%2); Befehle kommen ins Journal</translation>
    </message>
    <message>
        <source>served at %1</source>
        <translation>bereitgestellt unter %1</translation>
    </message>
    <message>
        <source>cannot listen on %1: %2</source>
        <translation>kann nicht auf %1 lauschen: %2</translation>
    </message>
    <message>
        <source>Quality score</source>
        <translation>Qualitätsscore</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Rule error</source>
        <translation>Regelfehler</translation>
    </message>
    <message>
        <source>Alert command failed</source>
        <translation>Alarmbefehl fehlgeschlagen</translation>
    </message>
    <message>
        <source>no sample</source>
        <translation>kein Messwert</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 of 100 (latency %2, attempts %3 %, uptime %4 %, freshness %5 %), trend %6</source>
        <translation>%1 von 100 (Latenz %2, Versuche %3 %, Verfügbarkeit %4 %, Aktualität %5 %), Trend %6</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 (score %2)</source>
        <translation>%1 (Score %2)</translation>
    </message>
    <message>
        <source>%1 (score %2) — %3</source>
        <translation>%1 (Score %2) — %3</translation>
    </message>
</context>
<context>
    <name>FeedActions</name>
    <message>
        <source>Operator actions</source>
        <translation>Operator-Aktionen</translation>
    </message>
    <message>
        <source>Last command</source>
        <translation>Letzter Befehl</translation>
    </message>
    <message>
        <source>⧗ %1: sending…</source>
        <translation>⧗ %1: wird gesendet…</translation>
    </message>
    <message>
        <source>⧗ %1: sent, waiting for the server</source>
        <translation>⧗ %1: gesendet, wartet auf den Server</translation>
    </message>
    <message>
        <source>✓ %1: done</source>
        <translation>✓ %1: erledigt</translation>
    </message>
    <message>
        <source>✗ %1 failed: %2</source>
        <translation>✗ %1: fehlgeschlagen — %2</translation>
    </message>
    <message>
        <source>✗ %1 expired: %2</source>
        <translation>✗ %1: abgelaufen — %2</translation>
    </message>
    <message>
        <source>%1: cancelled</source>
        <translation>%1: abgebrochen</translation>
    </message>
    <message>
        <source>✗ %1 not accepted: %2</source>
        <translation>✗ %1: nicht angenommen — %2</translation>
    </message>
    <message>
        <source>Commands…</source>
        <translation>Befehle…</translation>
    </message>
    <message>
        <source>%1 is on its way; see Commands to follow or cancel it</source>
        <translation>%1: Befehl unterwegs; unter Befehle verfolgen oder abbrechen</translation>
    </message>
    <message>
        <source>The %1 feed is not configured</source>
        <translation>Der Feed %1 ist nicht konfiguriert</translation>
    </message>
    <message>
        <source>Select a row first</source>
        <translation>Zuerst eine Zeile auswählen</translation>
    </message>
    <message>
        <source>Waiting for the feed&apos;s first data</source>
        <translation>Warte auf die ersten Daten des Feeds</translation>
    </message>
    <message>
        <source>Not now: %1</source>
        <translation>Derzeit nicht möglich: %1</translation>
    </message>
    <message>
        <source>⧗ %1: retrying — %2</source>
        <translation>⧗ %1: neuer Versuch — %2</translation>
    </message>
    <message>
        <source>⧗ %1: queued</source>
        <translation>⧗ %1: eingereiht</translation>
    </message>
    <message>
        <source>✗ %1 refused: %2</source>
        <translation>✗ %1: abgelehnt — %2</translation>
    </message>
</context>
<context>
    <name>FeedFigures</name>
    <message>
        <source>Counters</source>
        <translation>Zähler</translation>
    </message>
</context>
<context>
    <name>FeedHub</name>
    <message>
        <source>Commands are not available in this session.</source>
        <translation>Befehle sind in dieser Sitzung nicht verfügbar.</translation>
    </message>
    <message>
        <source>%1 goes out on the %2 feed, which is not configured.</source>
        <translation>%1 wird über den Feed %2 gesendet, der nicht konfiguriert ist.</translation>
    </message>
    <message>
        <source>There is no feed &quot;%1&quot; to send %2 on.</source>
        <translation>Es gibt keinen Feed „%1“, über den %2 gesendet werden könnte.</translation>
    </message>
</context>
<context>
    <name>FeedPanel</name>
    <message>
        <source>%1 panel</source>
        <translation>Bereich %1</translation>
    </message>
    <message>
        <source>Freshness</source>
        <translation>Aktualität</translation>
    </message>
    <message>
        <source>Row count</source>
        <translation>Zeilenzahl</translation>
    </message>
    <message>
        <source>Filter rows…</source>
        <translation>Zeilen filtern…</translation>
    </message>
    <message>
        <source>Filter %1</source>
        <translation>%1 filtern</translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation>Statusfilter</translation>
    </message>
    <message>
        <source>Banner</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>%1 table</source>
        <translation>Tabelle %1</translation>
    </message>
    <message>
        <source>Panel state</source>
        <translation>Bereichszustand</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <comment>3 of 12 phases</comment>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>This feed is not configured.</source>
        <translation>Dieser Feed ist nicht konfiguriert.</translation>
    </message>
    <message>
        <source>Waiting for the first snapshot…</source>
        <translation>Warte auf den ersten Snapshot…</translation>
    </message>
    <message>
        <source>Not live — showing the last data received</source>
        <translation>Nicht live — zeigt die zuletzt empfangenen Daten</translation>
    </message>
    <message>
        <source>No rows</source>
        <translation>Keine Zeilen</translation>
    </message>
    <message>
        <source>No rows match the filter</source>
        <translation>Keine Zeile passt zum Filter</translation>
    </message>
    <message>
        <source>Commands waiting</source>
        <translation>Wartende Befehle</translation>
    </message>
    <message>
        <source>Operator commands journaled and waiting to be delivered on this feed</source>
        <translation>Operator-Befehle im Journal, die auf Zustellung über diesen Feed warten</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Close this page and its feed</source>
        <translation>Diese Seite und ihren Feed schließen</translation>
    </message>
    <message>
        <source>Data problem</source>
        <translation>Datenproblem</translation>
    </message>
    <message>
        <source>Row detail</source>
        <translation>Zeilendetails</translation>
    </message>
    <message>
        <source>The data is not what this page expects: %1. Showing what arrived.</source>
        <translation>Die Daten sind nicht, was diese Seite erwartet: %1. Angezeigt wird, was ankam.</translation>
    </message>
    <message>
        <source>Some rows are not as expected: %1.</source>
        <translation>Einige Zeilen sind nicht wie erwartet: %1.</translation>
    </message>
    <message>
        <source>The server refuses this feed: %1. Not retried until you reconnect it.</source>
        <translation>Der Server lehnt diesen Feed ab: %1. Kein neuer Versuch, bis Sie ihn neu verbinden.</translation>
    </message>
    <message>
        <source>The server refuses this feed: %1. Feedwatch keeps retrying with backoff.</source>
        <translation>Der Server lehnt diesen Feed ab: %1. Feedwatch versucht es mit Backoff weiter.</translation>
    </message>
    <message>
        <source>No data yet: %1.</source>
        <translation>Noch keine Daten: %1.</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>%1 öffnen</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Copy &quot;%1&quot;</source>
        <translation>„%1“ kopieren</translation>
    </message>
    <message>
        <source>Clear the filter</source>
        <translation>Filter löschen</translation>
    </message>
    <message>
        <source>Filter the page&apos;s table</source>
        <translation>Tabelle der Seite filtern</translation>
    </message>
</context>
<context>
    <name>FeedSchema</name>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>ein Boolean</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>ein Array</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>the top level</source>
        <translation>oberste Ebene</translation>
    </message>
    <message>
        <source>an array (or an object of objects)</source>
        <translation>ein Array (oder ein Objekt aus Objekten)</translation>
    </message>
    <message>
        <source>nothing there (data is an object with keys %1)</source>
        <translation>nichts (die Daten sind ein Objekt mit den Schlüsseln %1)</translation>
    </message>
    <message>
        <source>nothing there (data is %1)</source>
        <translation>nichts (die Daten sind %1)</translation>
    </message>
    <message>
        <source>nothing there</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>an empty object</source>
        <translation>ein leeres Objekt</translation>
    </message>
    <message>
        <source>an object with keys %1</source>
        <translation>ein Objekt mit den Schlüsseln %1</translation>
    </message>
    <message>
        <source>expected %1 at %2, got %3</source>
        <translation>%2: %1 erwartet, vorgefunden: %3</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) not an object, not shown</source>
        <translation>
            <numerusform>%n Zeile ist kein Objekt, nicht angezeigt</numerusform>
            <numerusform>%n Zeilen sind keine Objekte, nicht angezeigt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) repeat another row&apos;s key</source>
        <translation>
            <numerusform>%n Zeile wiederholt den Schlüssel einer anderen Zeile</numerusform>
            <numerusform>%n Zeilen wiederholen den Schlüssel einer anderen Zeile</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) without a key</source>
        <translation>
            <numerusform>%n Zeile ohne Schlüssel</numerusform>
            <numerusform>%n Zeilen ohne Schlüssel</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FeedSchemas</name>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>%1d %2h</source>
        <translation>%1 d %2 h</translation>
    </message>
    <message>
        <source>%1h %2m</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1m %2s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1s</source>
        <translation>%1 s</translation>
    </message>
</context>
<context>
    <name>FeedTableModel</name>
    <message>
        <source>queued</source>
        <translation>eingereiht</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>geplant</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>bereit</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>in Arbeit</translation>
    </message>
    <message>
        <source>degraded</source>
        <translation>beeinträchtigt</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <source>success</source>
        <translation>erfolgreich</translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation>erfolgreich</translation>
    </message>
    <message>
        <source>healthy</source>
        <translation>intakt</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>failing</source>
        <translation>fehlerhaft</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>blockiert</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
</context>
<context>
    <name>Freshness</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>live</source>
        <translation>live</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>nicht gestartet</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>verbindet</translation>
    </message>
    <message>
        <source>reconnecting in %1</source>
        <translation>neuer Versuch in %1</translation>
    </message>
    <message>
        <source>reconnecting</source>
        <translation>wird neu verbunden</translation>
    </message>
    <message>
        <source>circuit open, next try in %1</source>
        <translation>Schutzschalter offen, nächster Versuch in %1</translation>
    </message>
    <message>
        <source>offline, waiting for the network</source>
        <translation>offline, wartet auf das Netzwerk</translation>
    </message>
    <message>
        <source>stopped: not authorized</source>
        <translation>gestoppt: nicht autorisiert</translation>
    </message>
    <message>
        <source>stopped: configuration error</source>
        <translation>gestoppt: Konfigurationsfehler</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <source>no data (%1)</source>
        <translation>keine Daten (%1)</translation>
    </message>
    <message>
        <source>stale since %1 (%2)</source>
        <translation>veraltet seit %1 (%2)</translation>
    </message>
    <message>
        <source>stopped: certificate not trusted</source>
        <translation>gestoppt: Zertifikat nicht vertrauenswürdig</translation>
    </message>
    <message>
        <source>degraded (HTTP), last snapshot %1; WebSocket %2</source>
        <translation>beeinträchtigt (HTTP), letzter Snapshot %1; WebSocket: %2</translation>
    </message>
    <message>
        <source>%1; HTTP fallback failing: %2</source>
        <translation>%1; HTTP-Fallback schlägt fehl: %2</translation>
    </message>
    <message>
        <source>stopped: refused (unknown path, or credentials refused)</source>
        <translation>gestoppt: abgelehnt (unbekannter Pfad oder Zugangsdaten abgelehnt)</translation>
    </message>
    <message>
        <source>server restarting</source>
        <translation>Server startet neu</translation>
    </message>
    <message>
        <source>server asked to try later</source>
        <translation>Server bittet um späteren Versuch</translation>
    </message>
    <message>
        <source>server not ready yet</source>
        <translation>Server noch nicht bereit</translation>
    </message>
    <message>
        <source>server not accepting connections yet</source>
        <translation>Server nimmt noch keine Verbindungen an</translation>
    </message>
    <message>
        <source>%1/%2 feeds back</source>
        <translation>%1/%2 Feeds wieder da</translation>
    </message>
    <message>
        <source>server restarting — down for %1 · %2</source>
        <translation>Server startet neu — seit %1 ausgefallen · %2</translation>
    </message>
    <message>
        <source>server restarting or unreachable — down for %1 · %2</source>
        <translation>Server startet neu oder ist nicht erreichbar — seit %1 ausgefallen · %2</translation>
    </message>
    <message>
        <source>live, unexpected data</source>
        <translation>live, unerwartete Daten</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>showing the HTTP snapshot of %1</source>
        <translation>zeigt den HTTP-Snapshot von %1</translation>
    </message>
    <message>
        <source>%1, %2 until the WebSocket sends its own</source>
        <translation>%1, %2, bis der WebSocket einen eigenen sendet</translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation>%1; %2</translation>
    </message>
</context>
<context>
    <name>LatencyChart</name>
    <message>
        <source>Al&amp;l feeds</source>
        <translation>A&amp;lle Feeds</translation>
    </message>
    <message>
        <source>Round-trip time</source>
        <translation>Umlaufzeit (RTT)</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message>
        <source>Chart time window</source>
        <translation>Zeitfenster des Diagramms</translation>
    </message>
    <message>
        <source>How much history the chart shows</source>
        <translation>Wie weit das Diagramm zurückreicht</translation>
    </message>
    <message>
        <source>Show every feed, or only the feed selected in the table</source>
        <translation>Alle Feeds zeigen oder nur den in der Tabelle gewählten</translation>
    </message>
    <message>
        <source>ms (log)</source>
        <translation>ms (log.)</translation>
    </message>
    <message>
        <source>excellent ≤ %1 ms</source>
        <translation>sehr gut ≤ %1 ms</translation>
    </message>
    <message>
        <source>good ≤ %1 ms</source>
        <translation>gut ≤ %1 ms</translation>
    </message>
    <message>
        <source>poor ≤ %1 ms</source>
        <translation>schwach ≤ %1 ms</translation>
    </message>
    <message>
        <source>Round-trip time chart</source>
        <translation>Diagramm der Umlaufzeit</translation>
    </message>
    <message>
        <source>Al&amp;l of %1</source>
        <translation>A&amp;lle Feeds von %1</translation>
    </message>
    <message>
        <source>Show every feed of the selected feed&apos;s backend, or only the feed selected in the table</source>
        <translation>Alle Feeds des Backends des gewählten Feeds zeigen oder nur den in der Tabelle gewählten</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>Event log</source>
        <translation>Ereignisprotokoll</translation>
    </message>
    <message>
        <source>Feedwatch</source>
        <translation>Feedwatch</translation>
    </message>
    <message>
        <source>Panels</source>
        <translation>Bereiche</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Feedwatch — demo backend</source>
        <translation>Feedwatch — Demo-Backend</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Connection</source>
        <translation>&amp;Verbindung</translation>
    </message>
    <message>
        <source>&amp;Reconnect all</source>
        <translation>&amp;Alle neu verbinden</translation>
    </message>
    <message>
        <source>Reconnect &amp;this feed</source>
        <translation>&amp;Diesen Feed neu verbinden</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Silence desktop &amp;notifications</source>
        <translation>Desktop-&amp;Benachrichtigungen stummschalten</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Feedwatch</source>
        <translation>Ü&amp;ber Feedwatch</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <source>&amp;Backend</source>
        <translation>&amp;Backend</translation>
    </message>
    <message>
        <source>Feeds summary</source>
        <translation>Feed-Übersicht</translation>
    </message>
    <message>
        <source>Open Connections</source>
        <translation>Verbindungen öffnen</translation>
    </message>
    <message>
        <source>Demo backend %1</source>
        <translation>Demo-Backend %1</translation>
    </message>
    <message numerus="yes">
        <source>%1/%n feed(s) live · worst quality: %2</source>
        <translation>
            <numerusform>%1/%n Feed live · schlechteste Qualität: %2</numerusform>
            <numerusform>%1/%n Feeds live · schlechteste Qualität: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Settings saved and applied.</source>
        <translation>Einstellungen gespeichert und übernommen.</translation>
    </message>
    <message>
        <source>Certificate not trusted</source>
        <translation>Zertifikat nicht vertrauenswürdig</translation>
    </message>
    <message>
        <source>The exception could not be saved: %1</source>
        <translation>Die Ausnahme konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Trusting the certificate of %1:%2 for %3; reconnecting.</source>
        <translation>Dem Zertifikat von %1:%2 für %3 wird vertraut; Verbindung wird neu aufgebaut.</translation>
    </message>
    <message>
        <source>Command %1 not accepted: %2</source>
        <translation>Befehl %1 nicht angenommen: %2</translation>
    </message>
    <message>
        <source>Commands</source>
        <translation>Befehle</translation>
    </message>
    <message numerus="yes">
        <source>%n degraded (HTTP)</source>
        <translation>
            <numerusform>%n beeinträchtigt (HTTP)</numerusform>
            <numerusform>%n beeinträchtigt (HTTP)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n HTTP fallback failing</source>
        <translation>
            <numerusform>%n HTTP-Fallback schlägt fehl</numerusform>
            <numerusform>%n HTTP-Fallbacks schlagen fehl</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n command(s) waiting</source>
        <translation>
            <numerusform>%n Befehl wartet</numerusform>
            <numerusform>%n Befehle warten</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>worst quality: %1</source>
        <translation>schlechteste Qualität: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n with unexpected data</source>
        <translation>
            <numerusform>%n mit unerwarteten Daten</numerusform>
            <numerusform>%n mit unerwarteten Daten</numerusform>
        </translation>
    </message>
    <message>
        <source>More menus</source>
        <translation>Weitere Menüs</translation>
    </message>
    <message>
        <source>More toolbar items</source>
        <translation>Weitere Symbolleisteneinträge</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Regeln</translation>
    </message>
    <message>
        <source>Export &amp;diagnostics…</source>
        <translation>&amp;Diagnose exportieren…</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;Next page</source>
        <translation>&amp;Nächste Seite</translation>
    </message>
    <message>
        <source>&amp;Previous page</source>
        <translation>&amp;Vorherige Seite</translation>
    </message>
    <message>
        <source>Switch between page &amp;list and page</source>
        <translation>Zwischen Seiten&amp;liste und Seite wechseln</translation>
    </message>
    <message>
        <source>Next / previous control</source>
        <translation>Nächstes / vorheriges Bedienelement</translation>
    </message>
    <message>
        <source>Open the menu of the selected row</source>
        <translation>Menü der ausgewählten Zeile öffnen</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Taste</translation>
    </message>
    <message>
        <source>Does</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Export diagnostics</source>
        <translation>Diagnose exportieren</translation>
    </message>
    <message>
        <source>Zip archives (*.zip)</source>
        <translation>Zip-Archive (*.zip)</translation>
    </message>
    <message>
        <source>Writing the diagnostics archive…</source>
        <translation>Diagnosearchiv wird geschrieben…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Diagnostics export progress</source>
        <translation>Fortschritt des Diagnoseexports</translation>
    </message>
    <message>
        <source>Diagnostics written to %1</source>
        <translation>Diagnose nach %1 geschrieben</translation>
    </message>
    <message>
        <source>Diagnostics not written</source>
        <translation>Diagnose nicht geschrieben</translation>
    </message>
    <message>
        <source>The diagnostics archive could not be written: %1</source>
        <translation>Das Diagnosearchiv konnte nicht geschrieben werden: %1</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <source>Feed down</source>
        <translation>Feed ausgefallen</translation>
    </message>
    <message>
        <source>%1 stopped delivering live data.</source>
        <translation>%1 liefert keine Live-Daten mehr.</translation>
    </message>
    <message>
        <source>Feed back</source>
        <translation>Feed wieder da</translation>
    </message>
    <message>
        <source>%1 is live again.</source>
        <translation>%1 ist wieder live.</translation>
    </message>
    <message numerus="yes">
        <source>%n feeds down</source>
        <translation>
            <numerusform>%n Feed ausgefallen</numerusform>
            <numerusform>%n Feeds ausgefallen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n feeds back</source>
        <translation>
            <numerusform>%n Feed wieder da</numerusform>
            <numerusform>%n Feeds wieder da</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 down, %2 back</source>
        <translation>%1 ausgefallen, %2 wieder da</translation>
    </message>
    <message>
        <source>Down: %1. Back: %2.</source>
        <translation>Ausgefallen: %1. Wieder da: %2.</translation>
    </message>
    <message>
        <source>Resolved: %1</source>
        <translation>Behoben: %1</translation>
    </message>
    <message>
        <source>Feed never came up</source>
        <translation>Feed nie verbunden</translation>
    </message>
    <message>
        <source>Feed still down</source>
        <translation>Feed weiterhin ausgefallen</translation>
    </message>
    <message>
        <source>Server still down</source>
        <translation>Server weiterhin ausgefallen</translation>
    </message>
    <message>
        <source>Poor link quality</source>
        <translation>Schlechte Verbindungsqualität</translation>
    </message>
    <message>
        <source>Link quality recovered</source>
        <translation>Verbindungsqualität wieder gut</translation>
    </message>
    <message>
        <source>Feed up</source>
        <translation>Feed verbunden</translation>
    </message>
</context>
<context>
    <name>OverviewPanel</name>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 · %2: %3</source>
        <translation>%1 · %2: %3</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: %2 — %3</source>
        <translation>%1: %2 — %3</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>und %n weitere</numerusform>
            <numerusform>und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>no data yet</source>
        <translation>noch keine Daten</translation>
    </message>
    <message>
        <source>%1: circuit open, probe in %2</source>
        <translation>%1: Schutzschalter offen, Probeversuch in %2</translation>
    </message>
    <message>
        <source>%1: circuit open</source>
        <translation>%1: Schutzschalter offen</translation>
    </message>
    <message>
        <source>%1: retry in %2</source>
        <translation>%1: neuer Versuch in %2</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>Connections · %1</source>
        <translation>Verbindungen · %1</translation>
    </message>
    <message>
        <source>%1/%2 live</source>
        <translation>%1/%2 live</translation>
    </message>
    <message>
        <source>score %1 · worst %2 (%3)</source>
        <translation>Score %1 · niedrigster %2 (%3)</translation>
    </message>
    <message>
        <source>worst quality: %1</source>
        <translation>schlechteste Qualität: %1</translation>
    </message>
    <message numerus="yes">
        <source>and %n more retrying</source>
        <translation>
            <numerusform>und %n weiterer vor neuem Versuch</numerusform>
            <numerusform>und %n weitere vor neuem Versuch</numerusform>
        </translation>
    </message>
    <message>
        <source>Last alerts</source>
        <translation>Letzte Alarme</translation>
    </message>
    <message>
        <source>none since the start</source>
        <translation>keine seit dem Start</translation>
    </message>
</context>
<context>
    <name>OverviewTile</name>
    <message>
        <source>max %L1 ms</source>
        <translation>max. %L1 ms</translation>
    </message>
</context>
<context>
    <name>Profile</name>
    <message>
        <source>ADW</source>
        <translation>ADW</translation>
    </message>
    <message>
        <source>ADW monitor</source>
        <translation>ADW-Monitor</translation>
    </message>
    <message>
        <source>Actual (h)</source>
        <translation>Ist (h)</translation>
    </message>
    <message>
        <source>All systems healthy</source>
        <translation>Alle Systeme intakt</translation>
    </message>
    <message>
        <source>Average duration</source>
        <translation>Mittlere Dauer</translation>
    </message>
    <message>
        <source>By status</source>
        <translation>Nach Status</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>Geprüft</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Completion</source>
        <translation>Fertigstellung</translation>
    </message>
    <message>
        <source>Completion notes</source>
        <translation>Abschlussnotizen</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Inhalt</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Current phase</source>
        <translation>Aktuelle Phase</translation>
    </message>
    <message>
        <source>Degraded — some services report problems</source>
        <translation>Beeinträchtigt — einige Dienste melden Probleme</translation>
    </message>
    <message>
        <source>Depends on</source>
        <translation>Hängt ab von</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Error — at least one service is down</source>
        <translation>Fehler — mindestens ein Dienst ist ausgefallen</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Estimate (h)</source>
        <translation>Schätzung (h)</translation>
    </message>
    <message>
        <source>Estimated (h)</source>
        <translation>Geschätzt (h)</translation>
    </message>
    <message>
        <source>Estimated cost</source>
        <translation>Geschätzte Kosten</translation>
    </message>
    <message>
        <source>Execute phase</source>
        <translation>Phase ausführen</translation>
    </message>
    <message>
        <source>Execute phase {phase_number} of feature {feature_id}</source>
        <translation>Phase {phase_number} von Feature {feature_id} ausführen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Feature</source>
        <translation>Feature</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Gesamtzustand</translation>
    </message>
    <message>
        <source>Healthy</source>
        <translation>Intakt</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>Issue</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
    <message>
        <source>Last success</source>
        <translation>Letzter Erfolg</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>No recent failures</source>
        <translation>Keine Fehlschläge in letzter Zeit</translation>
    </message>
    <message>
        <source>Open workflow state</source>
        <translation>Workflow-Zustand öffnen</translation>
    </message>
    <message>
        <source>Overall score</source>
        <translation>Gesamtwertung</translation>
    </message>
    <message>
        <source>PR</source>
        <translation>PR</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Pause queue</source>
        <translation>Warteschlange pausieren</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Phases</source>
        <translation>Phasen</translation>
    </message>
    <message>
        <source>Phases completed</source>
        <translation>Abgeschlossene Phasen</translation>
    </message>
    <message>
        <source>Planned features</source>
        <translation>Geplante Features</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>QC metrics</source>
        <translation>Qualitätsmetriken</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <source>Queue ID</source>
        <translation>Warteschlangen-ID</translation>
    </message>
    <message>
        <source>Queue paused — new phases are not started</source>
        <translation>Warteschlange pausiert — neue Phasen werden nicht gestartet</translation>
    </message>
    <message>
        <source>Ready since</source>
        <translation>Bereit seit</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <source>Recommendations</source>
        <translation>Empfehlungen</translation>
    </message>
    <message>
        <source>Remove phase</source>
        <translation>Phase entfernen</translation>
    </message>
    <message>
        <source>Remove phase {phase_number} of feature {feature_id}</source>
        <translation>Phase {phase_number} von Feature {feature_id} entfernen</translation>
    </message>
    <message>
        <source>Remove phase {phase_number} of feature {feature_id} from the queue? The backend drops it; this cannot be undone once sent.</source>
        <translation>Phase {phase_number} von Feature {feature_id} aus der Warteschlange entfernen? Das Backend verwirft sie; einmal gesendet, lässt sich das nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <source>Resume queue</source>
        <translation>Warteschlange fortsetzen</translation>
    </message>
    <message>
        <source>Resume workflow</source>
        <translation>Workflow fortsetzen</translation>
    </message>
    <message>
        <source>Resume workflow {adw_id}</source>
        <translation>Workflow {adw_id} fortsetzen</translation>
    </message>
    <message>
        <source>Resync history</source>
        <translation>Verlauf neu synchronisieren</translation>
    </message>
    <message>
        <source>Routes</source>
        <translation>Routen</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Laufend</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Dienste</translation>
    </message>
    <message>
        <source>Start webhook service</source>
        <translation>Webhook-Dienst starten</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Success rate</source>
        <translation>Erfolgsquote</translation>
    </message>
    <message>
        <source>Successful</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>System status</source>
        <translation>Systemstatus</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <source>The server has no state for this workflow</source>
        <translation>Der Server hat keinen Zustand für diesen Workflow</translation>
    </message>
    <message>
        <source>The webhook service reports an error: {/message}</source>
        <translation>Der Webhook-Dienst meldet einen Fehler: {/message}</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Total cost</source>
        <translation>Gesamtkosten</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>Laufzeit</translation>
    </message>
    <message>
        <source>Webhooks</source>
        <translation>Webhooks</translation>
    </message>
    <message>
        <source>Workflow history</source>
        <translation>Workflow-Verlauf</translation>
    </message>
    <message>
        <source>Workflow type</source>
        <translation>Workflow-Typ</translation>
    </message>
    <message>
        <source>Workflow {adw_id}</source>
        <translation>Workflow {adw_id}</translation>
    </message>
    <message>
        <source>Workflows</source>
        <translation>Workflows</translation>
    </message>
    <message>
        <source>Worktree</source>
        <translation>Worktree</translation>
    </message>
    <message numerus="yes">
        <source>%n feature(s)</source>
        <translation>
            <numerusform>%n Feature</numerusform>
            <numerusform>%n Features</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n phase(s)</source>
        <translation>
            <numerusform>%n Phase</numerusform>
            <numerusform>%n Phasen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n recent failure(s)</source>
        <translation>
            <numerusform>%n Fehlschlag in letzter Zeit</numerusform>
            <numerusform>%n Fehlschläge in letzter Zeit</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n route(s)</source>
        <translation>
            <numerusform>%n Route</numerusform>
            <numerusform>%n Routen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n run(s)</source>
        <translation>
            <numerusform>%n Lauf</numerusform>
            <numerusform>%n Läufe</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n service(s)</source>
        <translation>
            <numerusform>%n Dienst</numerusform>
            <numerusform>%n Dienste</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n value(s)</source>
        <translation>
            <numerusform>%n Wert</numerusform>
            <numerusform>%n Werte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n workflow(s)</source>
        <translation>
            <numerusform>%n Workflow</numerusform>
            <numerusform>%n Workflows</numerusform>
        </translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>ADW {adw_id} ({title}) failed in {current_phase}: {last_error}</source>
        <translation>ADW {adw_id} ({title}) in {current_phase} fehlgeschlagen: {last_error}</translation>
    </message>
    <message>
        <source>ADW {adw_id} ({title}) has been in {current_phase} at {phase_progress} % for 2 hours</source>
        <translation>ADW {adw_id} ({title}) steht seit 2 Stunden in {current_phase} bei {phase_progress} %</translation>
    </message>
    <message>
        <source>Queue paused too long</source>
        <translation>Warteschlange zu lange pausiert</translation>
    </message>
    <message>
        <source>Queue phase failed</source>
        <translation>Phase der Warteschlange fehlgeschlagen</translation>
    </message>
    <message>
        <source>Running workflow makes no progress</source>
        <translation>Laufender Workflow kommt nicht voran</translation>
    </message>
    <message>
        <source>Service not healthy</source>
        <translation>Dienst nicht intakt</translation>
    </message>
    <message>
        <source>System status is {$value}: {/summary/healthy_services} of {/summary/total_services} services healthy</source>
        <translation>Systemstatus ist {$value}: {/summary/healthy_services} von {/summary/total_services} Diensten intakt</translation>
    </message>
    <message>
        <source>System status not healthy</source>
        <translation>Systemstatus nicht intakt</translation>
    </message>
    <message>
        <source>The queue has been paused for more than 20 minutes</source>
        <translation>Die Warteschlange ist seit mehr als 20 Minuten pausiert</translation>
    </message>
    <message>
        <source>Webhook success rate below 90 %</source>
        <translation>Webhook-Erfolgsquote unter 90 %</translation>
    </message>
    <message>
        <source>Webhook success rate is {$value} ({/stats/failed} of {/stats/total_received} failed)</source>
        <translation>Webhook-Erfolgsquote beträgt {$value} ({/stats/failed} von {/stats/total_received} fehlgeschlagen)</translation>
    </message>
    <message>
        <source>Workflow failed</source>
        <translation>Workflow fehlgeschlagen</translation>
    </message>
    <message>
        <source>{name} is {status}: {message}</source>
        <translation>{name} ist {status}: {message}</translation>
    </message>
    <message>
        <source>{phase_data.title} failed: {error_message}</source>
        <translation>{phase_data.title} fehlgeschlagen: {error_message}</translation>
    </message>
</context>
<context>
    <name>RulesModel</name>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <source>firing</source>
        <translation>ausgelöst</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>%1 (just now)</source>
        <translation>%1 (gerade eben)</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n min ago)</source>
        <translation>
            <numerusform>%1 (vor %n Min.)</numerusform>
            <numerusform>%1 (vor %n Min.)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n h ago)</source>
        <translation>
            <numerusform>%1 (vor %n Std.)</numerusform>
            <numerusform>%1 (vor %n Std.)</numerusform>
        </translation>
    </message>
    <message>
        <source>pending: %1</source>
        <translation>ausstehend: %1</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>kritisch</translation>
    </message>
    <message>
        <source>info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>keine Daten</translation>
    </message>
    <message>
        <source>, silenced until %1</source>
        <translation>, stummgeschaltet bis %1</translation>
    </message>
    <message>
        <source>the feed</source>
        <translation>der Feed</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Feed</source>
        <translation>Feed</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
</context>
<context>
    <name>RulesPanel</name>
    <message>
        <source>Rules panel</source>
        <translation>Regelbereich</translation>
    </message>
    <message>
        <source>Alert rules</source>
        <translation>Alarmregeln</translation>
    </message>
    <message>
        <source>Silence</source>
        <translation>Stummschalten</translation>
    </message>
    <message>
        <source>No desktop notification for the selected rule for a while</source>
        <translation>Eine Weile keine Desktop-Benachrichtigung für die ausgewählte Regel</translation>
    </message>
    <message>
        <source>For 1 hour</source>
        <translation>Für 1 Stunde</translation>
    </message>
    <message>
        <source>For 4 hours</source>
        <translation>Für 4 Stunden</translation>
    </message>
    <message>
        <source>For 1 day</source>
        <translation>Für 1 Tag</translation>
    </message>
    <message>
        <source>Notify again</source>
        <translation>Wieder benachrichtigen</translation>
    </message>
    <message>
        <source>No alert rules.</source>
        <translation>Keine Alarmregeln.</translation>
    </message>
    <message numerus="yes">
        <source>%n rule(s):</source>
        <translation>
            <numerusform>%n Regel:</numerusform>
            <numerusform>%n Regeln:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n firing</source>
        <translation>
            <numerusform>%n ausgelöst</numerusform>
            <numerusform>%n ausgelöst</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pending</source>
        <translation>
            <numerusform>%n ausstehend</numerusform>
            <numerusform>%n ausstehend</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n in error</source>
        <translation>
            <numerusform>%n mit Fehler</numerusform>
            <numerusform>%n mit Fehler</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a rule to see what it says.</source>
        <translation>Regel auswählen, um ihren Inhalt zu sehen.</translation>
    </message>
</context>
<context>
    <name>ServiceTiles</name>
    <message>
        <source>Services</source>
        <translation>Dienste</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Connect timeout (ms)</source>
        <translation>Timeout Verbindungsaufbau (ms)</translation>
    </message>
    <message>
        <source>First retry after (ms)</source>
        <translation>Erster neuer Versuch nach (ms)</translation>
    </message>
    <message>
        <source>Longest retry delay (ms)</source>
        <translation>Längste Wartezeit (ms)</translation>
    </message>
    <message>
        <source>Heartbeat every (ms)</source>
        <translation>Heartbeat alle (ms)</translation>
    </message>
    <message>
        <source>Dead after silence (ms)</source>
        <translation>Tot nach Stille von (ms)</translation>
    </message>
    <message>
        <source>Open circuit after failures</source>
        <translation>Schutzschalter öffnet nach Fehlschlägen</translation>
    </message>
    <message>
        <source>Circuit stays open (ms)</source>
        <translation>Schutzschalter bleibt offen (ms)</translation>
    </message>
    <message>
        <source>Stable after (ms)</source>
        <translation>Stabil nach (ms)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>%1 error</source>
        <translation>Fehler bei %1</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <source>Server URL</source>
        <translation>Server-URL</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Several backends are configured; edit their servers in the file.</source>
        <translation>Mehrere Backends sind konfiguriert; ihre Server in der Datei bearbeiten.</translation>
    </message>
    <message>
        <source>This session&apos;s server comes from the command line; the value here is saved for later sessions.</source>
        <translation>Der Server dieser Sitzung kommt von der Befehlszeile; der Wert hier wird für spätere Sitzungen gespeichert.</translation>
    </message>
    <message>
        <source>Connection timing</source>
        <translation>Verbindungszeiten</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Gespeichert in %1</translation>
    </message>
    <message>
        <source>The token is read from %1 (auth.token_file); edit that file to change it.</source>
        <translation>Das Token wird aus %1 gelesen (auth.token_file); ändern Sie es in dieser Datei.</translation>
    </message>
    <message>
        <source>Saved in the system keychain (%1), not in the configuration file.</source>
        <translation>Im Schlüsselbund des Systems gespeichert (%1), nicht in der Konfigurationsdatei.</translation>
    </message>
    <message>
        <source>Saved in %1, readable only by you, not in the configuration file (no keychain: %2).</source>
        <translation>In %1 gespeichert, nur für Sie lesbar, nicht in der Konfigurationsdatei (kein Schlüsselbund: %2).</translation>
    </message>
    <message>
        <source>Settings error</source>
        <translation>Fehler in den Einstellungen</translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <source>&amp;Show Feedwatch</source>
        <translation>Feedwatch &amp;anzeigen</translation>
    </message>
    <message>
        <source>&amp;Reconnect all</source>
        <translation>Alle &amp;neu verbinden</translation>
    </message>
    <message>
        <source>S&amp;ilence notifications</source>
        <translation>Benachrichtigungen &amp;stummschalten</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message numerus="yes">
        <source>Feedwatch — %1/%n feed(s) live</source>
        <translation>
            <numerusform>Feedwatch — %1/%n Feed live</numerusform>
            <numerusform>Feedwatch — %1/%n Feeds live</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrustCertificateDialog</name>
    <message>
        <source>Trust this certificate?</source>
        <translation>Diesem Zertifikat vertrauen?</translation>
    </message>
    <message>
        <source>Trust this certificate</source>
        <translation>Diesem Zertifikat vertrauen</translation>
    </message>
    <message>
        <source>%1:%2</source>
        <translation>%1:%2</translation>
    </message>
    <message>
        <source>The server at &lt;b&gt;%1&lt;/b&gt; presented a certificate Feedwatch does not trust. Trust it only if you have checked its SHA-256 fingerprint with the server&apos;s administrator: anyone between you and the server could present a certificate like this one.</source>
        <translation>Der Server &lt;b&gt;%1&lt;/b&gt; hat ein Zertifikat vorgelegt, dem Feedwatch nicht vertraut. Vertrauen Sie ihm nur, wenn Sie seinen SHA-256-Fingerabdruck mit der Administration des Servers abgeglichen haben: Jeder zwischen Ihnen und dem Server könnte ein solches Zertifikat vorlegen.</translation>
    </message>
    <message>
        <source>self-signed</source>
        <translation>selbstsigniert</translation>
    </message>
    <message>
        <source>issued by an unknown CA</source>
        <translation>von einer unbekannten Zertifizierungsstelle ausgestellt</translation>
    </message>
    <message>
        <source>issued for another host name</source>
        <translation>für einen anderen Hostnamen ausgestellt</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>not valid yet</source>
        <translation>noch nicht gültig</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>widerrufen</translation>
    </message>
    <message>
        <source>other verification error</source>
        <translation>anderer Prüfungsfehler</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Issued to</source>
        <translation>Ausgestellt für</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>Ausgestellt von</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Gültig ab</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Gültig bis</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint</source>
        <translation>SHA-256-Fingerabdruck</translation>
    </message>
    <message>
        <source>Feedwatch will accept exactly this certificate on %1, and only the errors above. Other hosts, other ports and any other certificate are still verified. The exception is saved to the configuration file (tls.trusted_certificates).</source>
        <translation>Feedwatch nimmt genau dieses Zertifikat auf %1 an und übergeht nur die obigen Fehler. Andere Hosts, andere Ports und jedes andere Zertifikat werden weiter geprüft. Die Ausnahme wird in der Konfigurationsdatei gespeichert (tls.trusted_certificates).</translation>
    </message>
    <message>
        <source>I have checked the fingerprint with the server&apos;s administrator</source>
        <translation>Ich habe den Fingerabdruck mit der Administration des Servers abgeglichen</translation>
    </message>
    <message>
        <source>&amp;Trust this certificate</source>
        <translation>Zertifikat &amp;vertrauen</translation>
    </message>
</context>
</TS>
