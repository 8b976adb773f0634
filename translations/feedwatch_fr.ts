<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Feedwatch</source>
        <translation>À propos de Feedwatch</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>Built with Qt %1, running on Qt %2</source>
        <translation>Compilé avec Qt %1, exécuté avec Qt %2</translation>
    </message>
    <message>
        <source>A dashboard for live backend feeds over WebSockets.</source>
        <translation>Un tableau de bord pour les flux en direct d&apos;un backend via WebSocket.</translation>
    </message>
    <message>
        <source>Copyright © The Feedwatch developers.
Released under the MIT License.</source>
        <translation>Copyright © Les développeurs de Feedwatch.
Publié sous licence MIT.</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>À propos de &amp;Qt</translation>
    </message>
</context>
<context>
    <name>CommandsModel</name>
    <message>
        <source>queued</source>
        <translation>en file</translation>
    </message>
    <message>
        <source>sent, waiting for ack</source>
        <translation>envoyée, en attente d’acquittement</translation>
    </message>
    <message>
        <source>acked</source>
        <translation>acquittée</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échouée</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>expirée</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulée</translation>
    </message>
    <message>
        <source>Sent %1 times; %2 ack windows elapsed on a live link (counted against commands.max_attempts)</source>
        <translation>Envoyée %1 fois&#xa0;; %2 fenêtres d’acquittement écoulées sur une liaison en direct (comptées dans commands.max_attempts)</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Feed</source>
        <translation>Flux</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Commande</translation>
    </message>
    <message>
        <source>Arguments</source>
        <translation>Arguments</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Tentatives</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Âge</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Sent %1 times as %2; %3 without an answer that counts (a server error, no answer, the connection lost; counted against commands.max_attempts)</source>
        <translation>Envoyée %1 fois en %2&#xa0;; %3 sans réponse exploitable (erreur du serveur, pas de réponse, connexion perdue&#xa0;; comptées dans commands.max_attempts)</translation>
    </message>
    <message>
        <source>sent, waiting for the answer</source>
        <translation>envoyée, en attente de la réponse</translation>
    </message>
    <message>
        <source>done</source>
        <translation>effectuée</translation>
    </message>
</context>
<context>
    <name>CommandsPanel</name>
    <message>
        <source>Commands panel</source>
        <translation>Panneau Commandes</translation>
    </message>
    <message>
        <source>Commands</source>
        <translation>Commandes</translation>
    </message>
    <message>
        <source>&amp;Retry command</source>
        <translation>&amp;Relancer la commande</translation>
    </message>
    <message>
        <source>&amp;Waiting only</source>
        <translation>En attente &amp;uniquement</translation>
    </message>
    <message>
        <source>Show only queued and sent commands</source>
        <translation>Afficher seulement les commandes en file et envoyées</translation>
    </message>
    <message>
        <source>Operator commands</source>
        <translation>Commandes de l’opérateur</translation>
    </message>
    <message>
        <source>sent, waiting for ack</source>
        <translation>envoyée, en attente d’acquittement</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Tentatives</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Drop this command before it is sent</source>
        <translation>Abandonner cette commande avant son envoi</translation>
    </message>
    <message>
        <source>Already sent: the server may have applied it, so it cannot be cancelled</source>
        <translation>Déjà envoyée&#xa0;: le serveur l’a peut-être appliquée, elle ne peut donc plus être annulée</translation>
    </message>
    <message>
        <source>Only a queued command can be cancelled</source>
        <translation>Seule une commande en file peut être annulée</translation>
    </message>
    <message>
        <source>Ask again: same id when the server may have applied it, a new one when it refused</source>
        <translation>Redemander&#xa0;: même identifiant si le serveur a pu l’appliquer, un nouveau s’il l’a refusée</translation>
    </message>
    <message>
        <source>Only a failed or expired command can be retried</source>
        <translation>Seule une commande échouée ou expirée peut être relancée</translation>
    </message>
    <message>
        <source>1 command, none waiting</source>
        <translation>1 commande, aucune en attente</translation>
    </message>
    <message>
        <source>%1 commands, none waiting</source>
        <translation>%1 commandes, aucune en attente</translation>
    </message>
    <message>
        <source>%1 of %2 waiting (%3)</source>
        <translation>%1 sur %2 en attente (%3)</translation>
    </message>
    <message>
        <source>Commands are not available in this session.</source>
        <translation>Les commandes ne sont pas disponibles dans cette session.</translation>
    </message>
    <message>
        <source>Not journaled: %1. Commands are kept in memory only and are lost if Feedwatch stops.</source>
        <translation>Pas de journal&#xa0;: %1. Les commandes ne sont gardées qu’en mémoire et sont perdues si Feedwatch s’arrête.</translation>
    </message>
    <message>
        <source>Commands are kept in memory only (no journal file).</source>
        <translation>Les commandes ne sont gardées qu’en mémoire (pas de fichier journal).</translation>
    </message>
    <message>
        <source>Journaled in %1: a command survives a crash or restart and is sent once, in order, when its feed is live.</source>
        <translation>Journalisation dans %1&#xa0;: une commande survit à un plantage ou un redémarrage et est envoyée une seule fois, dans l’ordre, quand son flux est en direct.</translation>
    </message>
    <message>
        <source>Cancelling %1…</source>
        <translation>Annulation de %1…</translation>
    </message>
    <message>
        <source>Retrying %1…</source>
        <translation>Relance de %1…</translation>
    </message>
    <message>
        <source>C&amp;ancel command</source>
        <translation>Annu&amp;ler la commande</translation>
    </message>
    <message>
        <source>Journaled in %1, but: %2. A command the journal cannot take is refused and never sent.</source>
        <translation>Journalisation dans %1, mais&#xa0;: %2. Une commande que le journal ne peut pas enregistrer est refusée et jamais envoyée.</translation>
    </message>
</context>
<context>
    <name>Config</name>
    <message>
        <source>unknown key</source>
        <translation>clé inconnue</translation>
    </message>
    <message>
        <source>expected an object</source>
        <translation>objet attendu</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not one of header, query, subprotocol</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est ni header, ni query, ni subprotocol</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>est vide</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid URL (%2)</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas une URL valide (%2)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must start with ws:// or wss://</source>
        <translation>«&#xa0;%1&#xa0;» doit commencer par ws:// ou wss://</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has no host</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;indique pas d&apos;hôte</translation>
    </message>
    <message>
        <source>expected key=value</source>
        <translation>clé=valeur attendu</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas un nombre</translation>
    </message>
    <message>
        <source>expected a non-empty object of named backends</source>
        <translation>objet non vide de backends nommés attendu</translation>
    </message>
    <message>
        <source>several backends are configured; set backends.&lt;name&gt;.server</source>
        <translation>plusieurs backends sont configurés&#xa0;; renseignez backends.&lt;nom&gt;.server</translation>
    </message>
    <message>
        <source>expected an array</source>
        <translation>tableau attendu</translation>
    </message>
    <message>
        <source>expected a feed name or object</source>
        <translation>nom de flux ou objet attendu</translation>
    </message>
    <message>
        <source>missing or invalid feed id</source>
        <translation>identifiant de flux manquant ou invalide</translation>
    </message>
    <message>
        <source>feed &apos;%1&apos; listed twice</source>
        <translation>flux «&#xa0;%1&#xa0;» indiqué deux fois</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be an http:// or https:// URL</source>
        <translation>«&#xa0;%1&#xa0;» doit être une URL http:// ou https://</translation>
    </message>
    <message>
        <source>expected a number</source>
        <translation>nombre attendu</translation>
    </message>
    <message>
        <source>unknown feed &apos;%1&apos;</source>
        <translation>flux inconnu «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>no feed configured</source>
        <translation>aucun flux configuré</translation>
    </message>
    <message>
        <source>cannot read: %1</source>
        <translation>lecture impossible&#xa0;: %1</translation>
    </message>
    <message>
        <source>invalid JSON at offset %1: %2</source>
        <translation>JSON invalide à la position %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>the top level must be a JSON object</source>
        <translation>le niveau supérieur doit être un objet JSON</translation>
    </message>
    <message>
        <source>not a JSON object (%1)</source>
        <translation>pas un objet JSON (%1)</translation>
    </message>
    <message>
        <source>no configuration file to write to</source>
        <translation>aucun fichier de configuration où écrire</translation>
    </message>
    <message>
        <source>cannot write: %1</source>
        <translation>écriture impossible&#xa0;: %1</translation>
    </message>
    <message>
        <source>not a finite number</source>
        <translation>pas un nombre fini</translation>
    </message>
    <message>
        <source>%1 is out of range [%2, %3]</source>
        <translation>%1 est hors de l&apos;intervalle [%2, %3]</translation>
    </message>
    <message>
        <source>expected a whole number, got %1</source>
        <translation>nombre entier attendu, %1 reçu</translation>
    </message>
    <message>
        <source>thresholds must rise: excellent_ms &lt; good_ms &lt; poor_ms</source>
        <translation>les seuils doivent croître&#xa0;: excellent_ms &lt; good_ms &lt; poor_ms</translation>
    </message>
    <message>
        <source>larger than backoff.max_ms</source>
        <translation>supérieur à backoff.max_ms</translation>
    </message>
    <message>
        <source>expected true or false</source>
        <translation>true ou false attendu</translation>
    </message>
    <message>
        <source>expected the path of a file holding the token</source>
        <translation>chemin d’un fichier contenant le jeton attendu</translation>
    </message>
    <message>
        <source>cannot be combined with auth.token_store</source>
        <translation>incompatible avec auth.token_store</translation>
    </message>
    <message>
        <source>a certificate block is not valid base64</source>
        <translation>un bloc de certificat n’est pas du base64 valide</translation>
    </message>
    <message>
        <source>no PEM certificate (-----BEGIN CERTIFICATE-----) in it</source>
        <translation>ne contient aucun certificat PEM (-----BEGIN CERTIFICATE-----)</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: no such file</source>
        <translation>«&#xa0;%1&#xa0;»&#xa0;: fichier introuvable</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: not a regular file of at most 4 MiB</source>
        <translation>«&#xa0;%1&#xa0;»&#xa0;: pas un fichier ordinaire d’au plus 4&#xa0;Mio</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: cannot read: %2</source>
        <translation>«&#xa0;%1&#xa0;»&#xa0;: lecture impossible&#xa0;: %2</translation>
    </message>
    <message>
        <source>expected the path of a PEM file</source>
        <translation>chemin d’un fichier PEM attendu</translation>
    </message>
    <message>
        <source>expected {&quot;host&quot;, &quot;port&quot;, &quot;sha256&quot;}</source>
        <translation>{&quot;host&quot;, &quot;port&quot;, &quot;sha256&quot;} attendu</translation>
    </message>
    <message>
        <source>missing or empty</source>
        <translation>absent ou vide</translation>
    </message>
    <message>
        <source>expected a port number 1-65535</source>
        <translation>numéro de port 1–65535 attendu</translation>
    </message>
    <message>
        <source>expected a SHA-256 fingerprint (64 hex digits, colons allowed)</source>
        <translation>empreinte SHA-256 attendue (64 chiffres hexadécimaux, deux-points autorisés)</translation>
    </message>
    <message>
        <source>%1: no such file</source>
        <translation>%1&#xa0;: fichier introuvable</translation>
    </message>
    <message>
        <source>%1: cannot read: %2</source>
        <translation>%1&#xa0;: lecture impossible&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1: no token for backend &apos;%2&apos;</source>
        <translation>%1&#xa0;: aucun jeton pour le backend «&#xa0;%2&#xa0;»</translation>
    </message>
    <message>
        <source>%1: empty</source>
        <translation>%1&#xa0;: vide</translation>
    </message>
    <message>
        <source>no token stored for backend &apos;%1&apos; (%2); save one in Settings, or give it with --set auth.token=… or auth.token_file</source>
        <translation>aucun jeton enregistré pour le backend «&#xa0;%1&#xa0;» (%2)&#xa0;; enregistrez-en un dans les Paramètres, ou donnez-le avec --set auth.token=… ou auth.token_file</translation>
    </message>
    <message>
        <source>the token cannot be sent as a WebSocket subprotocol: it contains &apos;%1&apos; (allowed: letters, digits and !#$%&amp;&apos;*+-.^_`|~); use auth.mode header or query</source>
        <translation>le jeton ne peut pas être envoyé comme sous-protocole WebSocket&#xa0;: il contient «&#xa0;%1&#xa0;» (autorisés&#xa0;: lettres, chiffres et !#$%&amp;&apos;*+-.^_`|~)&#xa0;; utilisez auth.mode header ou query</translation>
    </message>
    <message>
        <source>%1: cannot create the directory</source>
        <translation>%1&#xa0;: impossible de créer le répertoire</translation>
    </message>
    <message>
        <source>%1: cannot create the directory: %2</source>
        <translation>%1&#xa0;: impossible de créer le répertoire&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1: not a directory</source>
        <translation>%1&#xa0;: pas un répertoire</translation>
    </message>
    <message>
        <source>%1: belongs to another user (uid %2)</source>
        <translation>%1&#xa0;: appartient à un autre utilisateur (uid %2)</translation>
    </message>
    <message>
        <source>%1: writable by group or others (mode %2); run chmod go-w %1</source>
        <translation>%1&#xa0;: modifiable par le groupe ou les autres (mode %2)&#xa0;; lancez chmod go-w %1</translation>
    </message>
    <message>
        <source>%1: cannot create a temporary file: %2</source>
        <translation>%1&#xa0;: impossible de créer un fichier temporaire&#xa0;: %2</translation>
    </message>
    <message>
        <source>cannot write</source>
        <translation>écriture impossible</translation>
    </message>
    <message>
        <source>cannot flush</source>
        <translation>impossible de vider sur le disque</translation>
    </message>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1&#xa0;: écriture impossible&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1: cannot replace: %2</source>
        <translation>%1&#xa0;: remplacement impossible&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1: not a regular file</source>
        <translation>%1&#xa0;: pas un fichier ordinaire</translation>
    </message>
    <message>
        <source>%1: readable by group or others (mode %2); run chmod 600 %1</source>
        <translation>%1&#xa0;: lisible par le groupe ou les autres (mode %2)&#xa0;; lancez chmod 600 %1</translation>
    </message>
    <message>
        <source>expected a string</source>
        <translation>chaîne attendue</translation>
    </message>
    <message>
        <source>no such built-in profile (known: %1)</source>
        <translation>aucun profil intégré de ce nom (connus&#xa0;: %1)</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>absent</translation>
    </message>
    <message>
        <source>must start with /</source>
        <translation>doit commencer par /</translation>
    </message>
    <message>
        <source>expected a non-empty array</source>
        <translation>tableau non vide attendu</translation>
    </message>
    <message>
        <source>&apos;%1&apos; belongs to another feed already</source>
        <translation>«&#xa0;%1&#xa0;» appartient déjà à un autre flux</translation>
    </message>
    <message>
        <source>expected a string or an array of strings</source>
        <translation>chaîne ou tableau de chaînes attendu</translation>
    </message>
    <message>
        <source>expected a whole number</source>
        <translation>nombre entier attendu</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not one of %2</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas l’une des valeurs %2</translation>
    </message>
    <message>
        <source>expected a whole number from 0 to 9</source>
        <translation>nombre entier de 0 à 9 attendu</translation>
    </message>
    <message>
        <source>missing; the field of the row to show</source>
        <translation>absent&#xa0;; le champ de la ligne à afficher</translation>
    </message>
    <message>
        <source>a duration&apos;s [start field, end field]</source>
        <translation>[champ de début, champ de fin] d’une durée</translation>
    </message>
    <message>
        <source>missing; where the value is in the data (&quot;/total&quot;)</source>
        <translation>absent&#xa0;; où se trouve la valeur dans les données («&#xa0;/total&#xa0;»)</translation>
    </message>
    <message>
        <source>expected exactly one of equals, in, exists</source>
        <translation>exactement une clé parmi equals, in, exists attendue</translation>
    </message>
    <message>
        <source>expected &quot;%n phase(s)&quot; or {&quot;one&quot;: ..., &quot;other&quot;: ...}</source>
        <translation>attendu&#xa0;: &quot;%n phase(s)&quot; ou {&quot;one&quot;: ..., &quot;other&quot;: ...}</translation>
    </message>
    <message>
        <source>must contain %n, the number</source>
        <translation>doit contenir %n (le nombre)</translation>
    </message>
    <message>
        <source>a table needs at least one column</source>
        <translation>un tableau doit avoir au moins une colonne</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a time zone (local, UTC, an IANA name such as Europe/Berlin, or UTC+02:00)</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un fuseau horaire (local, UTC, un nom IANA comme Europe/Paris, ou UTC+02:00)</translation>
    </message>
    <message>
        <source>expected a built-in profile name or a file path</source>
        <translation>nom de profil intégré ou chemin de fichier attendu</translation>
    </message>
    <message>
        <source>larger than reconnect.restart_max_ms</source>
        <translation>supérieur à reconnect.restart_max_ms</translation>
    </message>
    <message>
        <source>expected a command line or a list of words</source>
        <translation>ligne de commande ou liste de mots attendue</translation>
    </message>
    <message>
        <source>expected a number from 100 to 600000</source>
        <translation>nombre de 100 à 600000 attendu</translation>
    </message>
    <message>
        <source>the token could not be saved: %1</source>
        <translation>le jeton n’a pas pu être enregistré&#xa0;: %1</translation>
    </message>
    <message>
        <source>saved, but not applied: %1</source>
        <translation>enregistré, mais pas appliqué&#xa0;: %1</translation>
    </message>
    <message>
        <source>expected 0 (off) or a number from 1000 to 86400000</source>
        <translation>attendu 0 (désactivé) ou un nombre de 1000 à 86400000</translation>
    </message>
    <message>
        <source>expected false or {&quot;path&quot;: ..., &quot;rows&quot;: ...}</source>
        <translation>attendu false ou {&quot;path&quot;: ..., &quot;rows&quot;: ...}</translation>
    </message>
    <message>
        <source>the HTTP snapshot has nothing at %1</source>
        <translation>l’instantané HTTP n’a rien à %1</translation>
    </message>
</context>
<context>
    <name>ConnectionsModel</name>
    <message>
        <source>idle</source>
        <translation>inactif</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>connexion…</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>connecté</translation>
    </message>
    <message>
        <source>waiting to reconnect</source>
        <translation>reconnexion prévue</translation>
    </message>
    <message>
        <source>circuit open</source>
        <translation>disjoncteur ouvert</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>hors ligne</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>arrêté</translation>
    </message>
    <message>
        <source>disconnected</source>
        <translation>déconnecté</translation>
    </message>
    <message>
        <source>measuring</source>
        <translation>mesure en cours</translation>
    </message>
    <message>
        <source>excellent</source>
        <translation>excellente</translation>
    </message>
    <message>
        <source>good</source>
        <translation>bonne</translation>
    </message>
    <message>
        <source>poor</source>
        <translation>faible</translation>
    </message>
    <message>
        <source>bad</source>
        <translation>mauvaise</translation>
    </message>
    <message>
        <source>%L1 ms</source>
        <translation>%L1 ms</translation>
    </message>
    <message>
        <source>closed %1/%2</source>
        <translation>fermé %1/%2</translation>
    </message>
    <message>
        <source>half-open (probing)</source>
        <translation>semi-ouvert (essai)</translation>
    </message>
    <message>
        <source>open, half-open in %1</source>
        <translation>ouvert, semi-ouvert dans %1</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>dans %1</translation>
    </message>
    <message>
        <source>%L1 %</source>
        <translation>%L1&#xa0;%</translation>
    </message>
    <message>
        <source>Feed</source>
        <translation>Flux</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Qualité</translation>
    </message>
    <message>
        <source>RTT</source>
        <translation>RTT</translation>
    </message>
    <message>
        <source>RTT (avg)</source>
        <translation>RTT (moy.)</translation>
    </message>
    <message>
        <source>RTT p95</source>
        <translation>RTT p95</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Tentative</translation>
    </message>
    <message>
        <source>Total retries</source>
        <translation>Tentatives au total</translation>
    </message>
    <message>
        <source>Circuit</source>
        <translation>Disjoncteur</translation>
    </message>
    <message>
        <source>Next retry</source>
        <translation>Réessai</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Dernière erreur</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>Disponibilité</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>Protocol errors</source>
        <translation>Erreurs de protocole</translation>
    </message>
    <message>
        <source>degraded (HTTP)</source>
        <translation>dégradé (HTTP)</translation>
    </message>
    <message>
        <source>HTTP fallback failing</source>
        <translation>repli HTTP en échec</translation>
    </message>
    <message>
        <source>HTTP fallback: first request in flight</source>
        <translation>repli HTTP&#xa0;: première requête en cours</translation>
    </message>
    <message>
        <source>degraded (HTTP): snapshots over HTTP while the WebSocket is %1</source>
        <translation>dégradé (HTTP)&#xa0;: instantanés via HTTP tant que le WebSocket est dans l’état «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>HTTP fallback failing: %1</source>
        <translation>repli HTTP en échec&#xa0;: %1</translation>
    </message>
    <message>
        <source>Operator commands waiting to be delivered: %1</source>
        <translation>Commandes de l’opérateur en attente de livraison&#xa0;: %1</translation>
    </message>
    <message>
        <source>Commands</source>
        <translation>Commandes</translation>
    </message>
    <message>
        <source>connected, unexpected data</source>
        <translation>connecté, données inattendues</translation>
    </message>
    <message>
        <source>The data is not what the profile describes: %1</source>
        <translation>Les données ne correspondent pas au profil&#xa0;: %1</translation>
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
        <translation>opérationnel</translation>
    </message>
    <message>
        <source>degraded</source>
        <translation>dégradé</translation>
    </message>
    <message>
        <source>unhealthy</source>
        <translation>défaillant</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>critique</translation>
    </message>
    <message>
        <source>no data beyond the stale limit</source>
        <translation>aucune donnée au-delà du délai de péremption</translation>
    </message>
    <message>
        <source>heartbeat missed</source>
        <translation>signal de vie manqué</translation>
    </message>
    <message>
        <source>repeated drops</source>
        <translation>coupures répétées</translation>
    </message>
    <message>
        <source>pong late</source>
        <translation>pong en retard</translation>
    </message>
    <message>
        <source>low quality score</source>
        <translation>score de qualité faible</translation>
    </message>
    <message>
        <source>faster heartbeat to confirm</source>
        <translation>signal de vie accéléré pour confirmer</translation>
    </message>
    <message>
        <source>heartbeat back to normal</source>
        <translation>signal de vie revenu à la normale</translation>
    </message>
    <message>
        <source>waiting for the scheduled retry</source>
        <translation>en attente de la nouvelle tentative prévue</translation>
    </message>
    <message>
        <source>HTTP fallback started</source>
        <translation>repli HTTP démarré</translation>
    </message>
    <message>
        <source>HTTP fallback stopped</source>
        <translation>repli HTTP arrêté</translation>
    </message>
    <message>
        <source>alert raised</source>
        <translation>alerte déclenchée</translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation>%1&#xa0;; %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Santé</translation>
    </message>
</context>
<context>
    <name>ConnectionsPanel</name>
    <message>
        <source>Reconnect &amp;all</source>
        <translation>&amp;Reconnecter tout</translation>
    </message>
    <message>
        <source>Reconnect all feeds</source>
        <translation>Reconnecter tous les flux</translation>
    </message>
    <message>
        <source>Reconnect every feed now, staggered; resets open circuits and backoff</source>
        <translation>Reconnecter chaque flux maintenant, en décalé&#xa0;; réinitialise les disjoncteurs ouverts et la temporisation</translation>
    </message>
    <message>
        <source>Feed connections</source>
        <translation>Connexions des flux</translation>
    </message>
    <message>
        <source>Last RTT</source>
        <translation>Dernier RTT</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Tentative</translation>
    </message>
    <message>
        <source>Average RTT</source>
        <translation>RTT moyen</translation>
    </message>
    <message>
        <source>Total retries</source>
        <translation>Tentatives au total</translation>
    </message>
    <message>
        <source>p95 RTT</source>
        <translation>RTT p95</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>Disponibilité</translation>
    </message>
    <message>
        <source>p99 RTT</source>
        <translation>RTT p99</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>Protocol errors</source>
        <translation>Erreurs de protocole</translation>
    </message>
    <message>
        <source>Unchanged snapshots</source>
        <translation>Instantanés inchangés</translation>
    </message>
    <message>
        <source>Next retry</source>
        <translation>Prochaine tentative</translation>
    </message>
    <message>
        <source>Circuit</source>
        <translation>Disjoncteur</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Dernière erreur</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>&amp;Reconnect</source>
        <translation>Reco&amp;nnecter</translation>
    </message>
    <message>
        <source>Drop the link and connect now; resets backoff and the circuit</source>
        <translation>Couper la liaison et se reconnecter maintenant&#xa0;; réinitialise la temporisation et le disjoncteur</translation>
    </message>
    <message>
        <source>Test co&amp;nnection</source>
        <translation>Tester la conne&amp;xion</translation>
    </message>
    <message>
        <source>Open a separate connection, measure handshake and ping; the live link is untouched</source>
        <translation>Ouvrir une connexion distincte, mesurer la négociation et le ping&#xa0;; la liaison en cours n&apos;est pas touchée</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>Arrê&amp;ter</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Test en cours…</translation>
    </message>
    <message>
        <source>%1: ok — %2 (connect %3)</source>
        <translation>%1&#xa0;: OK — %2 (connexion %3)</translation>
    </message>
    <message>
        <source>%1: failed — %2 (HTTP %3)</source>
        <translation>%1&#xa0;: échec — %2 (HTTP %3)</translation>
    </message>
    <message>
        <source>%1: failed — %2</source>
        <translation>%1&#xa0;: échec — %2</translation>
    </message>
    <message>
        <source>reconnecting</source>
        <translation>reconnexion</translation>
    </message>
    <message>
        <source>reconnecting in %1</source>
        <translation>reconnexion dans %1</translation>
    </message>
    <message>
        <source>reconnecting now…</source>
        <translation>reconnexion en cours…</translation>
    </message>
    <message>
        <source>circuit open, next try in %1</source>
        <translation>disjoncteur ouvert, prochain essai dans %1</translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation>connexion…</translation>
    </message>
    <message>
        <source>— (connected)</source>
        <translation>— (connecté)</translation>
    </message>
    <message>
        <source>waiting for the network</source>
        <translation>attente du réseau</translation>
    </message>
    <message>
        <source>stopped: not authorized (reconnect by hand)</source>
        <translation>arrêté&#xa0;: non autorisé (reconnecter à la main)</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>arrêté</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>non démarré</translation>
    </message>
    <message>
        <source>closed · %1/%2 failures</source>
        <translation>fermé · %1/%2 échecs</translation>
    </message>
    <message>
        <source>half-open · probing</source>
        <translation>semi-ouvert · essai</translation>
    </message>
    <message>
        <source>open · %1/%2 failures · half-open in %3</source>
        <translation>ouvert · %1/%2 échecs · semi-ouvert dans %3</translation>
    </message>
    <message>
        <source>No feed selected</source>
        <translation>Aucun flux sélectionné</translation>
    </message>
    <message>
        <source>%1 (close code %2)</source>
        <translation>%1 (code de fermeture %2)</translation>
    </message>
    <message>
        <source>S&amp;tart</source>
        <translation>Dé&amp;marrer</translation>
    </message>
    <message>
        <source>Start feed %1</source>
        <translation>Démarrer le flux %1</translation>
    </message>
    <message>
        <source>Stop feed %1</source>
        <translation>Arrêter le flux %1</translation>
    </message>
    <message>
        <source>Start this feed again</source>
        <translation>Redémarrer ce flux</translation>
    </message>
    <message>
        <source>Close this feed&apos;s link and stop retrying</source>
        <translation>Fermer la liaison de ce flux et cesser les tentatives</translation>
    </message>
    <message>
        <source>Reconnect feed %1</source>
        <translation>Reconnecter le flux %1</translation>
    </message>
    <message>
        <source>Test connection of feed %1</source>
        <translation>Tester la connexion du flux %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n feed(s) live · worst quality: %2</source>
        <translation>
            <numerusform>%1 flux en direct sur %n · pire qualité&#xa0;: %2</numerusform>
            <numerusform>%1 flux en direct sur %n · pire qualité&#xa0;: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Show the refused certificate and, once you confirm, accept exactly that certificate on this host and port</source>
        <translation>Afficher le certificat refusé et, après votre confirmation, accepter exactement ce certificat sur cet hôte et ce port</translation>
    </message>
    <message>
        <source>stopped: certificate not trusted (see Last error)</source>
        <translation>arrêté&#xa0;: certificat non approuvé (voir Dernière erreur)</translation>
    </message>
    <message>
        <source>Tr&amp;ust this certificate…</source>
        <translation>Faire conf&amp;iance au certificat…</translation>
    </message>
    <message>
        <source>HTTP fallback</source>
        <translation>Repli HTTP</translation>
    </message>
    <message>
        <source>Commands</source>
        <translation>Commandes</translation>
    </message>
    <message>
        <source>off (the WebSocket delivers, or no snapshot URL)</source>
        <translation>désactivé (le WebSocket livre, ou pas d’URL d’instantané)</translation>
    </message>
    <message>
        <source>%1 waiting to be delivered</source>
        <translation>%1 en attente de livraison</translation>
    </message>
    <message>
        <source>none waiting</source>
        <translation>aucune en attente</translation>
    </message>
    <message>
        <source>Pongs that answered none of our pings (unsolicited, or echoing another clock): counted, never used as a measurement</source>
        <translation>Pongs qui ne répondent à aucun de nos pings (non sollicités, ou renvoyant une autre horloge)&#xa0;: comptés, jamais utilisés comme mesure</translation>
    </message>
    <message>
        <source>Answers whose round trip was outside any plausible range (negative, or longer than the heartbeat timeout): not averaged</source>
        <translation>Réponses dont l’aller-retour sort de toute plage plausible (négatif, ou plus long que le délai du signal de vie)&#xa0;: exclues de la moyenne</translation>
    </message>
    <message>
        <source>Unmatched pongs</source>
        <translation>Pongs orphelins</translation>
    </message>
    <message>
        <source>Rejected RTTs</source>
        <translation>RTT rejetés</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Données</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>stopped: refused (see Last error; fix the path or the token, then reconnect)</source>
        <translation>arrêté&#xa0;: refusé (voir Dernière erreur&#xa0;; corriger le chemin ou le jeton, puis reconnecter)</translation>
    </message>
    <message>
        <source>no snapshot yet</source>
        <translation>pas encore d’instantané</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) in the table</source>
        <translation>
            <numerusform>%n ligne dans le tableau</numerusform>
            <numerusform>%n lignes dans le tableau</numerusform>
        </translation>
    </message>
    <message>
        <source>not as the profile describes: %1</source>
        <translation>non conforme au profil&#xa0;: %1</translation>
    </message>
    <message>
        <source>routed: %1 applied here from other sockets, %2 handed to other feeds</source>
        <translation>routage&#xa0;: %1 appliqués ici depuis d’autres sockets, %2 transmis à d’autres flux</translation>
    </message>
    <message>
        <source>ignored (no configured feed): %1</source>
        <translation>ignorés (aucun flux configuré)&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Santé</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Close codes</source>
        <translation>Codes de fermeture</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Chronologie</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 · for %2</source>
        <translation>%1 · depuis %2</translation>
    </message>
    <message>
        <source>%1 of 100 (trend over a minute: %2%3)</source>
        <translation>%1 sur 100 (tendance sur une minute&#xa0;: %2%3)</translation>
    </message>
    <message>
        <source>none since the start</source>
        <translation>aucun depuis le démarrage</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>no link events yet</source>
        <translation>pas encore d’événement de liaison</translation>
    </message>
    <message>
        <source>%1  %2: %3</source>
        <translation>%1  %2&#xa0;: %3</translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <source>&amp;Restart server</source>
        <translation>&amp;Redémarrer le serveur</translation>
    </message>
    <message>
        <source>&amp;Drop connections (no close frame)</source>
        <translation>&amp;Couper les connexions (sans trame de fermeture)</translation>
    </message>
    <message>
        <source>&amp;Freeze</source>
        <translation>&amp;Geler</translation>
    </message>
    <message>
        <source>Add &amp;latency</source>
        <translation>Ajouter de la &amp;latence</translation>
    </message>
    <message>
        <source>Limit &amp;bandwidth</source>
        <translation>Limiter la &amp;bande passante</translation>
    </message>
    <message>
        <source>&amp;Hang handshakes</source>
        <translation>Suspendre les &amp;négociations</translation>
    </message>
    <message>
        <source>Refuse &amp;upgrades</source>
        <translation>Re&amp;fuser les mises à niveau</translation>
    </message>
    <message>
        <source>&amp;Close with code</source>
        <translation>Fermer avec un c&amp;ode</translation>
    </message>
    <message>
        <source>Send &amp;malformed JSON</source>
        <translation>Envoyer du JSON &amp;malformé</translation>
    </message>
    <message>
        <source>Send an &amp;over-size message</source>
        <translation>Envoyer un message sur&amp;dimensionné</translation>
    </message>
    <message>
        <source>Send a b&amp;inary frame</source>
        <translation>Envoyer une trame b&amp;inaire</translation>
    </message>
    <message>
        <source>Flood with &amp;snapshots</source>
        <translation>Inonder d&apos;instan&amp;tanés</translation>
    </message>
    <message>
        <source>Apply commands without &amp;acks</source>
        <translation>Appliquer les commandes sans &amp;accusé de réception</translation>
    </message>
</context>
<context>
    <name>DemoMenu</name>
    <message>
        <source>&amp;Demo</source>
        <translation>&amp;Démo</translation>
    </message>
    <message>
        <source>&amp;All feeds</source>
        <translation>&amp;Tous les flux</translation>
    </message>
    <message>
        <source>Cl&amp;ear all faults</source>
        <translation>&amp;Effacer toutes les pannes</translation>
    </message>
    <message>
        <source>Close every connection, listen again after %1 s with a new server id</source>
        <translation>Fermer toutes les connexions, réécouter après %1 s avec un nouvel identifiant de serveur</translation>
    </message>
    <message>
        <source>Abort TCP without a close frame (the client sees 1006)</source>
        <translation>Interrompre TCP sans trame de fermeture (le client voit 1006)</translation>
    </message>
    <message>
        <source>Stop sending and reading; TCP stays open, pings go unanswered</source>
        <translation>Cesser d&apos;envoyer et de lire&#xa0;; TCP reste ouvert, les pings restent sans réponse</translation>
    </message>
    <message>
        <source>Delay every message by %1 ms plus up to %2 ms of jitter</source>
        <translation>Retarder chaque message de %1 ms, plus jusqu&apos;à %2 ms de gigue</translation>
    </message>
    <message>
        <source>Limit outgoing data to %1 bytes per second</source>
        <translation>Limiter les données sortantes à %1 octets par seconde</translation>
    </message>
    <message>
        <source>Accept TCP, never answer the WebSocket handshake</source>
        <translation>Accepter TCP, ne jamais répondre à la négociation WebSocket</translation>
    </message>
    <message>
        <source>Answer the upgrade with HTTP %1 and keep TCP open</source>
        <translation>Répondre à la mise à niveau par HTTP %1 et garder TCP ouvert</translation>
    </message>
    <message>
        <source>Answer the upgrade with HTTP %1 and close TCP</source>
        <translation>Répondre à la mise à niveau par HTTP %1 et fermer TCP</translation>
    </message>
    <message>
        <source>Send a close frame with code %1</source>
        <translation>Envoyer une trame de fermeture avec le code %1</translation>
    </message>
    <message>
        <source>Send a text message that is not JSON</source>
        <translation>Envoyer un message texte qui n&apos;est pas du JSON</translation>
    </message>
    <message>
        <source>Send a valid JSON message of %1 MiB</source>
        <translation>Envoyer un message JSON valide de %1 Mio</translation>
    </message>
    <message>
        <source>Send a binary frame (the protocol has text frames only)</source>
        <translation>Envoyer une trame binaire (le protocole n&apos;a que des trames texte)</translation>
    </message>
    <message numerus="yes">
        <source>Send %n snapshot(s) as fast as possible</source>
        <translation>
            <numerusform>Envoyer %n instantané aussi vite que possible</numerusform>
            <numerusform>Envoyer %n instantanés aussi vite que possible</numerusform>
        </translation>
    </message>
    <message>
        <source>Apply commands but never acknowledge them</source>
        <translation>Appliquer les commandes sans jamais en accuser réception</translation>
    </message>
    <message>
        <source>Delay every message by %1 ms</source>
        <translation>Retarder chaque message de %1 ms</translation>
    </message>
    <message>
        <source>HTTP 403 Forbidden</source>
        <translation>HTTP 403 Interdit</translation>
    </message>
    <message>
        <source>HTTP 404 Not Found</source>
        <translation>HTTP 404 Introuvable</translation>
    </message>
    <message>
        <source>HTTP 500 Internal Server Error</source>
        <translation>HTTP 500 Erreur interne du serveur</translation>
    </message>
    <message>
        <source>HTTP 503 Service Unavailable</source>
        <translation>HTTP 503 Service indisponible</translation>
    </message>
    <message>
        <source>1011 Server error</source>
        <translation>1011 Erreur du serveur</translation>
    </message>
    <message>
        <source>1001 Going away</source>
        <translation>1001 Arrêt du serveur</translation>
    </message>
    <message>
        <source>1008 Policy violation</source>
        <translation>1008 Violation de règle</translation>
    </message>
    <message>
        <source>1013 Try again later</source>
        <translation>1013 Réessayer plus tard</translation>
    </message>
    <message>
        <source>4001 Token expired</source>
        <translation>4001 Jeton expiré</translation>
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
        <translation>2 Kio/s</translation>
    </message>
    <message>
        <source>256 B/s</source>
        <translation>256 o/s</translation>
    </message>
    <message>
        <source>Broadcast every feed on every socket</source>
        <translation>Diffuser chaque flux sur chaque socket</translation>
    </message>
    <message>
        <source>As the real tac-webbuilder server does</source>
        <translation>Comme le fait le vrai serveur tac-webbuilder</translation>
    </message>
</context>
<context>
    <name>EventLogModel</name>
    <message>
        <source>From an earlier session</source>
        <translation>D&apos;une session précédente</translation>
    </message>
    <message>
        <source>%1
From an earlier session</source>
        <translation>%1
D&apos;une session précédente</translation>
    </message>
    <message>
        <source>(app)</source>
        <translation>(appli)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Feed</source>
        <translation>Flux</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d&apos;écrire %1&#xa0;: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n updates since %1 · %2</source>
        <translation>
            <numerusform>%n mise à jour depuis %1 · %2</numerusform>
            <numerusform>%n mises à jour depuis %1 · %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n round trips since %1 · last: %2</source>
        <translation>
            <numerusform>%n aller-retour depuis %1 · dernier&#xa0;: %2</numerusform>
            <numerusform>%n allers-retours depuis %1 · dernier&#xa0;: %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EventLogPanel</name>
    <message>
        <source>Hide &amp;update/latency noise</source>
        <translation>&amp;Masquer mises à jour et latences</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xporter…</translation>
    </message>
    <message>
        <source>Filter by feed</source>
        <translation>Filtrer par flux</translation>
    </message>
    <message>
        <source>All feeds</source>
        <translation>Tous les flux</translation>
    </message>
    <message>
        <source>App events (no feed)</source>
        <translation>Événements de l&apos;appli (sans flux)</translation>
    </message>
    <message>
        <source>Filter by event kind</source>
        <translation>Filtrer par type d&apos;événement</translation>
    </message>
    <message>
        <source>All events</source>
        <translation>Tous les événements</translation>
    </message>
    <message>
        <source>Filter text</source>
        <translation>Texte du filtre</translation>
    </message>
    <message>
        <source>Filter text…</source>
        <translation>Filtrer le texte…</translation>
    </message>
    <message>
        <source>Hide snapshot updates and RTT samples unless chosen as the kind</source>
        <translation>Masquer les instantanés et les mesures de RTT, sauf s&apos;ils sont choisis comme type</translation>
    </message>
    <message>
        <source>Export shown events</source>
        <translation>Exporter les événements affichés</translation>
    </message>
    <message>
        <source>Write the rows shown to a JSON Lines file</source>
        <translation>Écrire les lignes affichées dans un fichier JSON Lines</translation>
    </message>
    <message>
        <source>F&amp;eed</source>
        <translation>Fl&amp;ux</translation>
    </message>
    <message>
        <source>Eve&amp;nt</source>
        <translation>É&amp;vénement</translation>
    </message>
    <message>
        <source>Event log</source>
        <translation>Journal des événements</translation>
    </message>
    <message>
        <source>Events: %1</source>
        <translation>Événements&#xa0;: %1</translation>
    </message>
    <message>
        <source>Events: %1 shown of %2</source>
        <translation>Événements&#xa0;: %1 affichés sur %2</translation>
    </message>
    <message>
        <source>Nothing to export: no events are shown</source>
        <translation>Rien à exporter&#xa0;: aucun événement affiché</translation>
    </message>
    <message>
        <source>Export event log</source>
        <translation>Exporter le journal des événements</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl);;All files (*)</source>
        <translation>JSON Lines (*.jsonl);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Exported to %1 (rows: %2)</source>
        <translation>Exporté dans %1 (lignes&#xa0;: %2)</translation>
    </message>
    <message>
        <source>&amp;Alerts only</source>
        <translation>A&amp;lertes uniquement</translation>
    </message>
    <message>
        <source>Only the alerts: feed down or back, circuit opened, not authorized, server restarted; earlier sessions&apos; are in grey</source>
        <translation>Seulement les alertes&#xa0;: flux en panne ou rétabli, disjoncteur ouvert, non autorisé, serveur redémarré&#xa0;; celles des sessions précédentes sont en gris</translation>
    </message>
    <message>
        <source>%1 from earlier sessions (grey, italic)</source>
        <translation>%1 de sessions précédentes (gris, italique)</translation>
    </message>
    <message>
        <source>Clear the filter text</source>
        <translation>Effacer le texte du filtre</translation>
    </message>
</context>
<context>
    <name>EventText</name>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation>Tentative</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Connecté</translation>
    </message>
    <message>
        <source>Stable</source>
        <translation>Stable</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Déconnecté</translation>
    </message>
    <message>
        <source>Retry scheduled</source>
        <translation>Tentative programmée</translation>
    </message>
    <message>
        <source>Circuit breaker</source>
        <translation>Disjoncteur</translation>
    </message>
    <message>
        <source>Heartbeat timeout</source>
        <translation>Signal de vie expiré</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latence</translation>
    </message>
    <message>
        <source>Snapshot</source>
        <translation>Instantané</translation>
    </message>
    <message>
        <source>HTTP polling</source>
        <translation>Interrogation HTTP</translation>
    </message>
    <message>
        <source>Polling error</source>
        <translation>Erreur d&apos;interrogation</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Commande</translation>
    </message>
    <message>
        <source>Protocol error</source>
        <translation>Erreur de protocole</translation>
    </message>
    <message>
        <source>Server hello</source>
        <translation>Accueil du serveur</translation>
    </message>
    <message>
        <source>Server restart</source>
        <translation>Redémarrage du serveur</translation>
    </message>
    <message>
        <source>Server error</source>
        <translation>Erreur du serveur</translation>
    </message>
    <message>
        <source>Not authorized</source>
        <translation>Non autorisé</translation>
    </message>
    <message>
        <source>Configuration error</source>
        <translation>Erreur de configuration</translation>
    </message>
    <message>
        <source>Manual reconnect</source>
        <translation>Reconnexion manuelle</translation>
    </message>
    <message>
        <source>Connection test</source>
        <translation>Test de connexion</translation>
    </message>
    <message>
        <source>Engine started</source>
        <translation>Moteur démarré</translation>
    </message>
    <message>
        <source>Engine stopped</source>
        <translation>Moteur arrêté</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Réseau</translation>
    </message>
    <message>
        <source>Commands recovered</source>
        <translation>Commandes récupérées</translation>
    </message>
    <message>
        <source>Network monitor</source>
        <translation>Surveillance du réseau</translation>
    </message>
    <message>
        <source>%1 by the operator</source>
        <translation>%1 par l&apos;opérateur</translation>
    </message>
    <message>
        <source>%1: not authorized</source>
        <translation>%1&#xa0;: non autorisé</translation>
    </message>
    <message>
        <source>%1: configuration error</source>
        <translation>%1&#xa0;: erreur de configuration</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>attempt %1 to %2</source>
        <translation>tentative %1 vers %2</translation>
    </message>
    <message>
        <source>attempt %1, handshake in %2</source>
        <translation>tentative %1, négociation en %2</translation>
    </message>
    <message>
        <source>up for %1: attempts, backoff and circuit reset</source>
        <translation>connecté depuis %1&#xa0;: tentatives, temporisation et disjoncteur réinitialisés</translation>
    </message>
    <message>
        <source>closed after %1: %2 (code %3)</source>
        <translation>fermé après %1&#xa0;: %2 (code %3)</translation>
    </message>
    <message>
        <source>attempt failed: %1 (code %2)</source>
        <translation>échec de la tentative&#xa0;: %1 (code %2)</translation>
    </message>
    <message>
        <source>%1; will retry</source>
        <translation>%1&#xa0;; nouvelle tentative prévue</translation>
    </message>
    <message>
        <source>%1; will retry after the longest delay</source>
        <translation>%1&#xa0;; nouvelle tentative après le délai maximal</translation>
    </message>
    <message>
        <source>%1; stopped: not authorized</source>
        <translation>%1&#xa0;; arrêté&#xa0;: non autorisé</translation>
    </message>
    <message>
        <source>%1; stopped: configuration error</source>
        <translation>%1&#xa0;; arrêté&#xa0;: erreur de configuration</translation>
    </message>
    <message>
        <source>attempt %1 in %2, when the circuit half-opens</source>
        <translation>tentative %1 dans %2, quand le disjoncteur passe en semi-ouvert</translation>
    </message>
    <message>
        <source>attempt %1 in %2</source>
        <translation>tentative %1 dans %2</translation>
    </message>
    <message>
        <source>attempt %1 in %2 (%3)</source>
        <translation>tentative %1 dans %2 (%3)</translation>
    </message>
    <message numerus="yes">
        <source>open after %n failure(s), for %1</source>
        <translation>
            <numerusform>ouvert après %n échec, pour %1</numerusform>
            <numerusform>ouvert après %n échecs, pour %1</numerusform>
        </translation>
    </message>
    <message>
        <source>half-open: one probe attempt</source>
        <translation>semi-ouvert&#xa0;: une tentative d&apos;essai</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>fermé</translation>
    </message>
    <message>
        <source>%1 by a manual reconnect</source>
        <translation>%1 par une reconnexion manuelle</translation>
    </message>
    <message>
        <source>no pong within %1: the link is dead and was aborted</source>
        <translation>aucun pong en %1&#xa0;: la liaison est morte et a été interrompue</translation>
    </message>
    <message>
        <source>ping frame</source>
        <translation>trame ping</translation>
    </message>
    <message>
        <source>JSON ping</source>
        <translation>ping JSON</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>%1: %2 bytes</source>
        <translation>%1&#xa0;: %2 octets</translation>
    </message>
    <message>
        <source>%1: %2 bytes, identical to the last one</source>
        <translation>%1&#xa0;: %2 octets, identique au précédent</translation>
    </message>
    <message>
        <source>%1, over HTTP</source>
        <translation>%1, via HTTP</translation>
    </message>
    <message>
        <source>on: snapshots from %1 while the WebSocket cannot deliver</source>
        <translation>activée&#xa0;: instantanés depuis %1 tant que le WebSocket ne livre rien</translation>
    </message>
    <message>
        <source>off: the WebSocket delivers again</source>
        <translation>désactivée&#xa0;: le WebSocket livre de nouveau</translation>
    </message>
    <message>
        <source>HTTP snapshot request failed: %1</source>
        <translation>échec de la requête d&apos;instantané HTTP&#xa0;: %1</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>en file</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>envoyée</translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation>acquittée</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échouée</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>expirée</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulée</translation>
    </message>
    <message>
        <source>%1 (%2): %3, attempts: %4</source>
        <translation>%1 (%2)&#xa0;: %3, tentatives&#xa0;: %4</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 (%2 bytes)</source>
        <translation>%1 (%2 octets)</translation>
    </message>
    <message>
        <source>server %1, connection %2</source>
        <translation>serveur %1, connexion %2</translation>
    </message>
    <message>
        <source>server id changed from %1 to %2</source>
        <translation>identifiant du serveur passé de %1 à %2</translation>
    </message>
    <message>
        <source>the server says: %1</source>
        <translation>le serveur signale&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 — no automatic retries until a manual reconnect</source>
        <translation>%1 — plus de tentatives automatiques avant une reconnexion manuelle</translation>
    </message>
    <message>
        <source>%1 — stopped until a manual reconnect</source>
        <translation>%1 — arrêté jusqu&apos;à une reconnexion manuelle</translation>
    </message>
    <message>
        <source>backoff and circuit reset</source>
        <translation>temporisation et disjoncteur réinitialisés</translation>
    </message>
    <message>
        <source>ok: RTT %1, handshake %2</source>
        <translation>OK&#xa0;: RTT %1, négociation %2</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>échec&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n feed(s), started %1 apart</source>
        <translation>
            <numerusform>%n flux, démarré à %1 d&apos;intervalle</numerusform>
            <numerusform>%n flux, démarrés à %1 d&apos;intervalle</numerusform>
        </translation>
    </message>
    <message>
        <source>clean shutdown</source>
        <translation>arrêt propre</translation>
    </message>
    <message>
        <source>online: retrying now</source>
        <translation>en ligne&#xa0;: nouvelle tentative immédiate</translation>
    </message>
    <message>
        <source>offline: retries paused</source>
        <translation>hors ligne&#xa0;: tentatives suspendues</translation>
    </message>
    <message numerus="yes">
        <source>%n unfinished command(s) taken over from the journal</source>
        <translation>
            <numerusform>%n commande inachevée reprise du journal</numerusform>
            <numerusform>%n commandes inachevées reprises du journal</numerusform>
        </translation>
    </message>
    <message>
        <source>none: the network counts as always online</source>
        <translation>aucune&#xa0;: le réseau est considéré comme toujours en ligne</translation>
    </message>
    <message>
        <source>reachability from %1</source>
        <translation>joignabilité via %1</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Qualité</translation>
    </message>
    <message>
        <source>%1: no pong for %2</source>
        <translation>%1&#xa0;: aucun pong depuis %2</translation>
    </message>
    <message>
        <source>Certificate refused</source>
        <translation>Certificat refusé</translation>
    </message>
    <message>
        <source>Trusted certificate</source>
        <translation>Certificat approuvé</translation>
    </message>
    <message>
        <source>%1: certificate not trusted</source>
        <translation>%1&#xa0;: certificat non approuvé</translation>
    </message>
    <message>
        <source>%1; stopped: certificate not trusted</source>
        <translation>%1&#xa0;; arrêté&#xa0;: certificat non approuvé</translation>
    </message>
    <message>
        <source>%1:%2 presented the certificate trusted for it (SHA-256 %3)</source>
        <translation>%1:%2 a présenté le certificat approuvé pour lui (SHA-256 %3)</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alerte</translation>
    </message>
    <message>
        <source>Journal storage</source>
        <translation>Stockage du journal</translation>
    </message>
    <message>
        <source>%1 cannot be used (%2): commands are kept in memory only, no history</source>
        <translation>%1 inutilisable (%2)&#xa0;: commandes gardées en mémoire seulement, pas d’historique</translation>
    </message>
    <message>
        <source>Server restarting</source>
        <translation>Serveur en redémarrage</translation>
    </message>
    <message>
        <source>Restart complete</source>
        <translation>Redémarrage terminé</translation>
    </message>
    <message>
        <source>Server down</source>
        <translation>Serveur en panne</translation>
    </message>
    <message>
        <source>Unmatched pong</source>
        <translation>Pong orphelin</translation>
    </message>
    <message>
        <source>RTT rejected</source>
        <translation>RTT rejeté</translation>
    </message>
    <message>
        <source>Prometheus metrics</source>
        <translation>Métriques Prometheus</translation>
    </message>
    <message>
        <source>server not accepting connections yet; will retry</source>
        <translation>le serveur n’accepte pas encore de connexions&#xa0;; nouvelle tentative prévue</translation>
    </message>
    <message>
        <source>%1; the server is restarting: reconnecting soon</source>
        <translation>%1&#xa0;; le serveur redémarre&#xa0;: reconnexion sous peu</translation>
    </message>
    <message>
        <source>%1; the server is not ready yet: will retry</source>
        <translation>%1&#xa0;; le serveur n’est pas encore prêt&#xa0;: nouvelle tentative prévue</translation>
    </message>
    <message>
        <source>%1; stopped: refused (unknown path, or credentials refused)</source>
        <translation>%1&#xa0;; arrêté&#xa0;: refusé (chemin inconnu, ou identifiants refusés)</translation>
    </message>
    <message>
        <source>%1: the server is back after %2</source>
        <translation>%1&#xa0;: le serveur est de retour après %2</translation>
    </message>
    <message>
        <source>%1: the server is restarting (%2)</source>
        <translation>%1&#xa0;: le serveur redémarre (%2)</translation>
    </message>
    <message>
        <source>%1: the server is restarting or unreachable (%2)</source>
        <translation>%1&#xa0;: le serveur redémarre ou est injoignable (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n feed(s) back after %2</source>
        <translation>
            <numerusform>%1&#xa0;: %n flux rétabli après %2</numerusform>
            <numerusform>%1&#xa0;: %n flux rétablis après %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: not back after %2, %n feed(s) down</source>
        <translation>
            <numerusform>%1&#xa0;: toujours absent après %2, %n flux en panne</numerusform>
            <numerusform>%1&#xa0;: toujours absent après %2, %n flux en panne</numerusform>
        </translation>
    </message>
    <message>
        <source>a pong that answers none of our pings (%1): counted, not measured</source>
        <translation>un pong qui ne répond à aucun de nos pings (%1)&#xa0;: compté, non mesuré</translation>
    </message>
    <message>
        <source>JSON pong</source>
        <translation>pong JSON</translation>
    </message>
    <message>
        <source>pong frame</source>
        <translation>trame pong</translation>
    </message>
    <message>
        <source>%1 rejected: %2</source>
        <translation>%1 rejeté&#xa0;: %2</translation>
    </message>
    <message>
        <source>journal write failed (%1): command %2 goes on</source>
        <translation>échec d’écriture du journal (%1)&#xa0;: la commande %2 continue</translation>
    </message>
    <message>
        <source>journal write failed (%1): command %2 refused, not sent</source>
        <translation>échec d’écriture du journal (%1)&#xa0;: commande %2 refusée, non envoyée</translation>
    </message>
    <message>
        <source>%1: the history cannot be kept (%2); commands are journaled</source>
        <translation>%1&#xa0;: l’historique ne peut pas être conservé (%2)&#xa0;; les commandes sont journalisées</translation>
    </message>
    <message>
        <source>served at %1</source>
        <translation>exposées sur %1</translation>
    </message>
    <message>
        <source>cannot listen on %1: %2</source>
        <translation>impossible d’écouter sur %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Quality score</source>
        <translation>Score de qualité</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Santé</translation>
    </message>
    <message>
        <source>Rule error</source>
        <translation>Erreur de règle</translation>
    </message>
    <message>
        <source>Alert command failed</source>
        <translation>Échec de la commande d’alerte</translation>
    </message>
    <message>
        <source>no sample</source>
        <translation>aucune mesure</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1&#xa0;%</translation>
    </message>
    <message>
        <source>%1 of 100 (latency %2, attempts %3 %, uptime %4 %, freshness %5 %), trend %6</source>
        <translation>%1 sur 100 (latence %2, tentatives %3&#xa0;%, disponibilité %4&#xa0;%, fraîcheur %5&#xa0;%), tendance %6</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 (score %2)</source>
        <translation>%1 (score %2)</translation>
    </message>
    <message>
        <source>%1 (score %2) — %3</source>
        <translation>%1 (score %2) — %3</translation>
    </message>
</context>
<context>
    <name>FeedActions</name>
    <message>
        <source>Operator actions</source>
        <translation>Actions de l’opérateur</translation>
    </message>
    <message>
        <source>Last command</source>
        <translation>Dernière commande</translation>
    </message>
    <message>
        <source>⧗ %1: sending…</source>
        <translation>⧗ %1&#xa0;: envoi…</translation>
    </message>
    <message>
        <source>⧗ %1: sent, waiting for the server</source>
        <translation>⧗ %1&#xa0;: envoyé, en attente du serveur</translation>
    </message>
    <message>
        <source>✓ %1: done</source>
        <translation>✓ %1&#xa0;: fait</translation>
    </message>
    <message>
        <source>✗ %1 failed: %2</source>
        <translation>✗ %1&#xa0;: échec — %2</translation>
    </message>
    <message>
        <source>✗ %1 expired: %2</source>
        <translation>✗ %1&#xa0;: expiré — %2</translation>
    </message>
    <message>
        <source>%1: cancelled</source>
        <translation>%1&#xa0;: annulé</translation>
    </message>
    <message>
        <source>✗ %1 not accepted: %2</source>
        <translation>✗ %1&#xa0;: refusé — %2</translation>
    </message>
    <message>
        <source>Commands…</source>
        <translation>Commandes…</translation>
    </message>
    <message>
        <source>%1 is on its way; see Commands to follow or cancel it</source>
        <translation>%1&#xa0;: commande en route&#xa0;; voir Commandes pour la suivre ou l’annuler</translation>
    </message>
    <message>
        <source>The %1 feed is not configured</source>
        <translation>Le flux %1 n’est pas configuré</translation>
    </message>
    <message>
        <source>Select a row first</source>
        <translation>Sélectionner d’abord une ligne</translation>
    </message>
    <message>
        <source>Waiting for the feed&apos;s first data</source>
        <translation>En attente des premières données du flux</translation>
    </message>
    <message>
        <source>Not now: %1</source>
        <translation>Pas maintenant&#xa0;: %1</translation>
    </message>
    <message>
        <source>⧗ %1: retrying — %2</source>
        <translation>⧗ %1&#xa0;: nouvelle tentative — %2</translation>
    </message>
    <message>
        <source>⧗ %1: queued</source>
        <translation>⧗ %1&#xa0;: en file</translation>
    </message>
    <message>
        <source>✗ %1 refused: %2</source>
        <translation>✗ %1&#xa0;: refusé — %2</translation>
    </message>
</context>
<context>
    <name>FeedFigures</name>
    <message>
        <source>Counters</source>
        <translation>Compteurs</translation>
    </message>
</context>
<context>
    <name>FeedHub</name>
    <message>
        <source>Commands are not available in this session.</source>
        <translation>Les commandes ne sont pas disponibles dans cette session.</translation>
    </message>
    <message>
        <source>%1 goes out on the %2 feed, which is not configured.</source>
        <translation>%1 part sur le flux %2, qui n’est pas configuré.</translation>
    </message>
    <message>
        <source>There is no feed &quot;%1&quot; to send %2 on.</source>
        <translation>Il n’y a pas de flux «&#xa0;%1&#xa0;» sur lequel envoyer %2.</translation>
    </message>
</context>
<context>
    <name>FeedPanel</name>
    <message>
        <source>%1 panel</source>
        <translation>Panneau %1</translation>
    </message>
    <message>
        <source>Freshness</source>
        <translation>Fraîcheur</translation>
    </message>
    <message>
        <source>Row count</source>
        <translation>Nombre de lignes</translation>
    </message>
    <message>
        <source>Filter rows…</source>
        <translation>Filtrer les lignes…</translation>
    </message>
    <message>
        <source>Filter %1</source>
        <translation>Filtrer %1</translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation>Filtre d&apos;état</translation>
    </message>
    <message>
        <source>Banner</source>
        <translation>Bandeau</translation>
    </message>
    <message>
        <source>%1 table</source>
        <translation>Tableau %1</translation>
    </message>
    <message>
        <source>Panel state</source>
        <translation>État du panneau</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <comment>3 of 12 phases</comment>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Tous les états</translation>
    </message>
    <message>
        <source>This feed is not configured.</source>
        <translation>Ce flux n&apos;est pas configuré.</translation>
    </message>
    <message>
        <source>Waiting for the first snapshot…</source>
        <translation>En attente du premier instantané…</translation>
    </message>
    <message>
        <source>Not live — showing the last data received</source>
        <translation>Pas en direct — affichage des dernières données reçues</translation>
    </message>
    <message>
        <source>No rows</source>
        <translation>Aucune ligne</translation>
    </message>
    <message>
        <source>No rows match the filter</source>
        <translation>Aucune ligne ne correspond au filtre</translation>
    </message>
    <message>
        <source>Commands waiting</source>
        <translation>Commandes en attente</translation>
    </message>
    <message>
        <source>Operator commands journaled and waiting to be delivered on this feed</source>
        <translation>Commandes de l’opérateur journalisées, en attente de livraison sur ce flux</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Close this page and its feed</source>
        <translation>Fermer cette page et son flux</translation>
    </message>
    <message>
        <source>Data problem</source>
        <translation>Problème de données</translation>
    </message>
    <message>
        <source>Row detail</source>
        <translation>Détail de la ligne</translation>
    </message>
    <message>
        <source>The data is not what this page expects: %1. Showing what arrived.</source>
        <translation>Les données ne sont pas celles qu’attend cette page&#xa0;: %1. Affichage de ce qui est arrivé.</translation>
    </message>
    <message>
        <source>Some rows are not as expected: %1.</source>
        <translation>Certaines lignes ne sont pas conformes&#xa0;: %1.</translation>
    </message>
    <message>
        <source>The server refuses this feed: %1. Not retried until you reconnect it.</source>
        <translation>Le serveur refuse ce flux&#xa0;: %1. Pas de nouvelle tentative avant que vous le reconnectiez.</translation>
    </message>
    <message>
        <source>The server refuses this feed: %1. Feedwatch keeps retrying with backoff.</source>
        <translation>Le serveur refuse ce flux&#xa0;: %1. Feedwatch réessaie avec temporisation.</translation>
    </message>
    <message>
        <source>No data yet: %1.</source>
        <translation>Pas encore de données&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>Ouvrir %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Copy &quot;%1&quot;</source>
        <translation>Copier «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Clear the filter</source>
        <translation>Effacer le filtre</translation>
    </message>
    <message>
        <source>Filter the page&apos;s table</source>
        <translation>Filtrer le tableau de la page</translation>
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
        <translation>un booléen</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>un nombre</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>une chaîne</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>un tableau</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>un objet</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>rien</translation>
    </message>
    <message>
        <source>the top level</source>
        <translation>niveau supérieur</translation>
    </message>
    <message>
        <source>an array (or an object of objects)</source>
        <translation>un tableau (ou un objet d’objets)</translation>
    </message>
    <message>
        <source>nothing there (data is an object with keys %1)</source>
        <translation>rien (les données sont un objet avec les clés %1)</translation>
    </message>
    <message>
        <source>nothing there (data is %1)</source>
        <translation>rien (les données sont %1)</translation>
    </message>
    <message>
        <source>nothing there</source>
        <translation>rien</translation>
    </message>
    <message>
        <source>an empty object</source>
        <translation>un objet vide</translation>
    </message>
    <message>
        <source>an object with keys %1</source>
        <translation>un objet avec les clés %1</translation>
    </message>
    <message>
        <source>expected %1 at %2, got %3</source>
        <translation>%2&#xa0;: attendu %1, trouvé&#xa0;: %3</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) not an object, not shown</source>
        <translation>
            <numerusform>%n ligne n’est pas un objet, non affichée</numerusform>
            <numerusform>%n lignes ne sont pas des objets, non affichées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) repeat another row&apos;s key</source>
        <translation>
            <numerusform>%n ligne reprend la clé d’une autre ligne</numerusform>
            <numerusform>%n lignes reprennent la clé d’une autre ligne</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) without a key</source>
        <translation>
            <numerusform>%n ligne sans clé</numerusform>
            <numerusform>%n lignes sans clé</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FeedSchemas</name>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>%1d %2h</source>
        <translation>%1 j %2 h</translation>
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
        <translation>en file</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>prévu</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>en pause</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>prêt</translation>
    </message>
    <message>
        <source>running</source>
        <translation>en cours</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>en chantier</translation>
    </message>
    <message>
        <source>degraded</source>
        <translation>dégradé</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>terminé</translation>
    </message>
    <message>
        <source>success</source>
        <translation>réussi</translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation>réussi</translation>
    </message>
    <message>
        <source>healthy</source>
        <translation>opérationnel</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échoué</translation>
    </message>
    <message>
        <source>error</source>
        <translation>erreur</translation>
    </message>
    <message>
        <source>failing</source>
        <translation>en échec</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>bloqué</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
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
        <translation>en direct</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>non démarré</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>connexion</translation>
    </message>
    <message>
        <source>reconnecting in %1</source>
        <translation>reconnexion dans %1</translation>
    </message>
    <message>
        <source>reconnecting</source>
        <translation>reconnexion</translation>
    </message>
    <message>
        <source>circuit open, next try in %1</source>
        <translation>disjoncteur ouvert, prochain essai dans %1</translation>
    </message>
    <message>
        <source>offline, waiting for the network</source>
        <translation>hors ligne, attente du réseau</translation>
    </message>
    <message>
        <source>stopped: not authorized</source>
        <translation>arrêté&#xa0;: non autorisé</translation>
    </message>
    <message>
        <source>stopped: configuration error</source>
        <translation>arrêté&#xa0;: erreur de configuration</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>arrêté</translation>
    </message>
    <message>
        <source>no data (%1)</source>
        <translation>aucune donnée (%1)</translation>
    </message>
    <message>
        <source>stale since %1 (%2)</source>
        <translation>périmé depuis %1 (%2)</translation>
    </message>
    <message>
        <source>stopped: certificate not trusted</source>
        <translation>arrêté&#xa0;: certificat non approuvé</translation>
    </message>
    <message>
        <source>degraded (HTTP), last snapshot %1; WebSocket %2</source>
        <translation>dégradé (HTTP), dernier instantané %1&#xa0;; WebSocket&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1; HTTP fallback failing: %2</source>
        <translation>%1&#xa0;; repli HTTP en échec&#xa0;: %2</translation>
    </message>
    <message>
        <source>stopped: refused (unknown path, or credentials refused)</source>
        <translation>arrêté&#xa0;: refusé (chemin inconnu, ou identifiants refusés)</translation>
    </message>
    <message>
        <source>server restarting</source>
        <translation>serveur en redémarrage</translation>
    </message>
    <message>
        <source>server asked to try later</source>
        <translation>le serveur demande de réessayer plus tard</translation>
    </message>
    <message>
        <source>server not ready yet</source>
        <translation>serveur pas encore prêt</translation>
    </message>
    <message>
        <source>server not accepting connections yet</source>
        <translation>le serveur n’accepte pas encore de connexions</translation>
    </message>
    <message>
        <source>%1/%2 feeds back</source>
        <translation>%1/%2 flux rétablis</translation>
    </message>
    <message>
        <source>server restarting — down for %1 · %2</source>
        <translation>serveur en redémarrage — indisponible depuis %1 · %2</translation>
    </message>
    <message>
        <source>server restarting or unreachable — down for %1 · %2</source>
        <translation>serveur en redémarrage ou injoignable — indisponible depuis %1 · %2</translation>
    </message>
    <message>
        <source>live, unexpected data</source>
        <translation>en direct, données inattendues</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>showing the HTTP snapshot of %1</source>
        <translation>affiche l’instantané HTTP de %1</translation>
    </message>
    <message>
        <source>%1, %2 until the WebSocket sends its own</source>
        <translation>%1, %2 jusqu’à ce que le WebSocket envoie le sien</translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation>%1&#xa0;; %2</translation>
    </message>
</context>
<context>
    <name>LatencyChart</name>
    <message>
        <source>Al&amp;l feeds</source>
        <translation>Tous &amp;les flux</translation>
    </message>
    <message>
        <source>Round-trip time</source>
        <translation>Temps aller-retour (RTT)</translation>
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
        <translation>Fenêtre temporelle du graphique</translation>
    </message>
    <message>
        <source>How much history the chart shows</source>
        <translation>Historique affiché par le graphique</translation>
    </message>
    <message>
        <source>Show every feed, or only the feed selected in the table</source>
        <translation>Afficher tous les flux, ou seulement celui choisi dans le tableau</translation>
    </message>
    <message>
        <source>ms (log)</source>
        <translation>ms (log.)</translation>
    </message>
    <message>
        <source>excellent ≤ %1 ms</source>
        <translation>excellente ≤ %1 ms</translation>
    </message>
    <message>
        <source>good ≤ %1 ms</source>
        <translation>bonne ≤ %1 ms</translation>
    </message>
    <message>
        <source>poor ≤ %1 ms</source>
        <translation>faible ≤ %1 ms</translation>
    </message>
    <message>
        <source>Round-trip time chart</source>
        <translation>Graphique du temps aller-retour</translation>
    </message>
    <message>
        <source>Al&amp;l of %1</source>
        <translation>Tous &amp;les flux de %1</translation>
    </message>
    <message>
        <source>Show every feed of the selected feed&apos;s backend, or only the feed selected in the table</source>
        <translation>Afficher tous les flux du backend du flux choisi, ou seulement celui choisi dans le tableau</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Feedwatch — demo backend</source>
        <translation>Feedwatch — backend de démo</translation>
    </message>
    <message>
        <source>Feedwatch</source>
        <translation>Feedwatch</translation>
    </message>
    <message>
        <source>Panels</source>
        <translation>Panneaux</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Vue d&apos;ensemble</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Connexions</translation>
    </message>
    <message>
        <source>Event log</source>
        <translation>Journal des événements</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Connection</source>
        <translation>&amp;Connexion</translation>
    </message>
    <message>
        <source>&amp;Reconnect all</source>
        <translation>&amp;Reconnecter tout</translation>
    </message>
    <message>
        <source>Reconnect &amp;this feed</source>
        <translation>Reconnecter &amp;ce flux</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Paramètres</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>Silence desktop &amp;notifications</source>
        <translation>Couper les &amp;notifications du bureau</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <source>&amp;About Feedwatch</source>
        <translation>À &amp;propos de Feedwatch</translation>
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
        <translation>Résumé des flux</translation>
    </message>
    <message>
        <source>Open Connections</source>
        <translation>Ouvrir Connexions</translation>
    </message>
    <message>
        <source>Demo backend %1</source>
        <translation>Backend de démo %1</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Non connecté</translation>
    </message>
    <message numerus="yes">
        <source>%1/%n feed(s) live · worst quality: %2</source>
        <translation>
            <numerusform>%1/%n flux en direct · pire qualité&#xa0;: %2</numerusform>
            <numerusform>%1/%n flux en direct · pire qualité&#xa0;: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Settings saved and applied.</source>
        <translation>Paramètres enregistrés et appliqués.</translation>
    </message>
    <message>
        <source>Certificate not trusted</source>
        <translation>Certificat non approuvé</translation>
    </message>
    <message>
        <source>The exception could not be saved: %1</source>
        <translation>L’exception n’a pas pu être enregistrée&#xa0;: %1</translation>
    </message>
    <message>
        <source>Trusting the certificate of %1:%2 for %3; reconnecting.</source>
        <translation>Certificat de %1:%2 approuvé pour %3&#xa0;; reconnexion.</translation>
    </message>
    <message>
        <source>Command %1 not accepted: %2</source>
        <translation>Commande %1 refusée&#xa0;: %2</translation>
    </message>
    <message>
        <source>Commands</source>
        <translation>Commandes</translation>
    </message>
    <message numerus="yes">
        <source>%n degraded (HTTP)</source>
        <translation>
            <numerusform>%n dégradé (HTTP)</numerusform>
            <numerusform>%n dégradés (HTTP)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n HTTP fallback failing</source>
        <translation>
            <numerusform>%n repli HTTP en échec</numerusform>
            <numerusform>%n replis HTTP en échec</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n command(s) waiting</source>
        <translation>
            <numerusform>%n commande en attente</numerusform>
            <numerusform>%n commandes en attente</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>worst quality: %1</source>
        <translation>pire qualité&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n with unexpected data</source>
        <translation>
            <numerusform>%n avec données inattendues</numerusform>
            <numerusform>%n avec données inattendues</numerusform>
        </translation>
    </message>
    <message>
        <source>More menus</source>
        <translation>Autres menus</translation>
    </message>
    <message>
        <source>More toolbar items</source>
        <translation>Autres éléments de la barre d’outils</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Règles</translation>
    </message>
    <message>
        <source>Export &amp;diagnostics…</source>
        <translation>Exporter les &amp;diagnostics…</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>&amp;Next page</source>
        <translation>Page &amp;suivante</translation>
    </message>
    <message>
        <source>&amp;Previous page</source>
        <translation>Page &amp;précédente</translation>
    </message>
    <message>
        <source>Switch between page &amp;list and page</source>
        <translation>Basculer entre la &amp;liste des pages et la page</translation>
    </message>
    <message>
        <source>Next / previous control</source>
        <translation>Contrôle suivant / précédent</translation>
    </message>
    <message>
        <source>Open the menu of the selected row</source>
        <translation>Ouvrir le menu de la ligne sélectionnée</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Touche</translation>
    </message>
    <message>
        <source>Does</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Export diagnostics</source>
        <translation>Exporter les diagnostics</translation>
    </message>
    <message>
        <source>Zip archives (*.zip)</source>
        <translation>Archives Zip (*.zip)</translation>
    </message>
    <message>
        <source>Writing the diagnostics archive…</source>
        <translation>Écriture de l’archive de diagnostic…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Diagnostics export progress</source>
        <translation>Progression de l’export des diagnostics</translation>
    </message>
    <message>
        <source>Diagnostics written to %1</source>
        <translation>Diagnostics écrits dans %1</translation>
    </message>
    <message>
        <source>Diagnostics not written</source>
        <translation>Diagnostics non écrits</translation>
    </message>
    <message>
        <source>The diagnostics archive could not be written: %1</source>
        <translation>L’archive de diagnostic n’a pas pu être écrite&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <source>Feed down</source>
        <translation>Flux en panne</translation>
    </message>
    <message>
        <source>%1 stopped delivering live data.</source>
        <translation>%1 ne livre plus de données en direct.</translation>
    </message>
    <message>
        <source>Feed back</source>
        <translation>Flux rétabli</translation>
    </message>
    <message>
        <source>%1 is live again.</source>
        <translation>%1 est de nouveau en direct.</translation>
    </message>
    <message numerus="yes">
        <source>%n feeds down</source>
        <translation>
            <numerusform>%n flux en panne</numerusform>
            <numerusform>%n flux en panne</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n feeds back</source>
        <translation>
            <numerusform>%n flux rétabli</numerusform>
            <numerusform>%n flux rétablis</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 down, %2 back</source>
        <translation>%1 en panne, %2 rétablis</translation>
    </message>
    <message>
        <source>Down: %1. Back: %2.</source>
        <translation>En panne&#xa0;: %1. Rétablis&#xa0;: %2.</translation>
    </message>
    <message>
        <source>Resolved: %1</source>
        <translation>Résolu&#xa0;: %1</translation>
    </message>
    <message>
        <source>Feed never came up</source>
        <translation>Flux jamais connecté</translation>
    </message>
    <message>
        <source>Feed still down</source>
        <translation>Flux toujours en panne</translation>
    </message>
    <message>
        <source>Server still down</source>
        <translation>Serveur toujours en panne</translation>
    </message>
    <message>
        <source>Poor link quality</source>
        <translation>Qualité de liaison médiocre</translation>
    </message>
    <message>
        <source>Link quality recovered</source>
        <translation>Qualité de liaison rétablie</translation>
    </message>
    <message>
        <source>Feed up</source>
        <translation>Flux connecté</translation>
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
        <translation>%1 · %2&#xa0;: %3</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1: %2 — %3</source>
        <translation>%1&#xa0;: %2 — %3</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>et %n autre</numerusform>
            <numerusform>et %n autres</numerusform>
        </translation>
    </message>
    <message>
        <source>no data yet</source>
        <translation>pas encore de données</translation>
    </message>
    <message>
        <source>%1: circuit open, probe in %2</source>
        <translation>%1&#xa0;: disjoncteur ouvert, essai dans %2</translation>
    </message>
    <message>
        <source>%1: circuit open</source>
        <translation>%1&#xa0;: disjoncteur ouvert</translation>
    </message>
    <message>
        <source>%1: retry in %2</source>
        <translation>%1&#xa0;: nouvelle tentative dans %2</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Connexions</translation>
    </message>
    <message>
        <source>Connections · %1</source>
        <translation>Connexions · %1</translation>
    </message>
    <message>
        <source>%1/%2 live</source>
        <translation>%1/%2 en direct</translation>
    </message>
    <message>
        <source>score %1 · worst %2 (%3)</source>
        <translation>score %1 · le plus bas %2 (%3)</translation>
    </message>
    <message>
        <source>worst quality: %1</source>
        <translation>pire qualité&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>and %n more retrying</source>
        <translation>
            <numerusform>et %n autre en attente de nouvelle tentative</numerusform>
            <numerusform>et %n autres en attente de nouvelle tentative</numerusform>
        </translation>
    </message>
    <message>
        <source>Last alerts</source>
        <translation>Dernières alertes</translation>
    </message>
    <message>
        <source>none since the start</source>
        <translation>aucune depuis le démarrage</translation>
    </message>
</context>
<context>
    <name>OverviewTile</name>
    <message>
        <source>max %L1 ms</source>
        <translation>max %L1 ms</translation>
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
        <translation>Moniteur ADW</translation>
    </message>
    <message>
        <source>Actual (h)</source>
        <translation>Réel (h)</translation>
    </message>
    <message>
        <source>All systems healthy</source>
        <translation>Tous les systèmes sont opérationnels</translation>
    </message>
    <message>
        <source>Average duration</source>
        <translation>Durée moyenne</translation>
    </message>
    <message>
        <source>By status</source>
        <translation>Par état</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>Vérifié</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Completion</source>
        <translation>Avancement</translation>
    </message>
    <message>
        <source>Completion notes</source>
        <translation>Notes de fin</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Contenu</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Coût</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créé</translation>
    </message>
    <message>
        <source>Current phase</source>
        <translation>Phase en cours</translation>
    </message>
    <message>
        <source>Degraded — some services report problems</source>
        <translation>Dégradé — certains services signalent des problèmes</translation>
    </message>
    <message>
        <source>Depends on</source>
        <translation>Dépend de</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Error — at least one service is down</source>
        <translation>Erreur — au moins un service est en panne</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Erreurs</translation>
    </message>
    <message>
        <source>Estimate (h)</source>
        <translation>Estimation (h)</translation>
    </message>
    <message>
        <source>Estimated (h)</source>
        <translation>Estimé (h)</translation>
    </message>
    <message>
        <source>Estimated cost</source>
        <translation>Coût estimé</translation>
    </message>
    <message>
        <source>Execute phase</source>
        <translation>Exécuter la phase</translation>
    </message>
    <message>
        <source>Execute phase {phase_number} of feature {feature_id}</source>
        <translation>Exécuter la phase {phase_number} de la fonctionnalité {feature_id}</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échecs</translation>
    </message>
    <message>
        <source>Feature</source>
        <translation>Fonctionnalité</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Santé</translation>
    </message>
    <message>
        <source>Healthy</source>
        <translation>Opérationnels</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Dernière erreur</translation>
    </message>
    <message>
        <source>Last success</source>
        <translation>Dernier succès</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Lien</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Méthode</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle IA</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>No recent failures</source>
        <translation>Aucun échec récent</translation>
    </message>
    <message>
        <source>Open workflow state</source>
        <translation>Ouvrir l’état du workflow</translation>
    </message>
    <message>
        <source>Overall score</source>
        <translation>Score global</translation>
    </message>
    <message>
        <source>PR</source>
        <translation>PR</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Chemin</translation>
    </message>
    <message>
        <source>Pause queue</source>
        <translation>Suspendre la file d’attente</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pause</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Phases</source>
        <translation>Phases</translation>
    </message>
    <message>
        <source>Phases completed</source>
        <translation>Phases terminées</translation>
    </message>
    <message>
        <source>Planned features</source>
        <translation>Fonctionnalités prévues</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <source>QC metrics</source>
        <translation>Métriques qualité</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>File d&apos;attente</translation>
    </message>
    <message>
        <source>Queue ID</source>
        <translation>ID de file</translation>
    </message>
    <message>
        <source>Queue paused — new phases are not started</source>
        <translation>File d&apos;attente en pause — aucune nouvelle phase ne démarre</translation>
    </message>
    <message>
        <source>Ready since</source>
        <translation>Prêt depuis</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Reçus</translation>
    </message>
    <message>
        <source>Recommendations</source>
        <translation>Recommandations</translation>
    </message>
    <message>
        <source>Remove phase</source>
        <translation>Retirer la phase</translation>
    </message>
    <message>
        <source>Remove phase {phase_number} of feature {feature_id}</source>
        <translation>Retirer la phase {phase_number} de la fonctionnalité {feature_id}</translation>
    </message>
    <message>
        <source>Remove phase {phase_number} of feature {feature_id} from the queue? The backend drops it; this cannot be undone once sent.</source>
        <translation>Retirer la phase {phase_number} de la fonctionnalité {feature_id} de la file d’attente&#xa0;? Le backend l’abandonne&#xa0;; une fois la commande envoyée, c’est irréversible.</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Demande</translation>
    </message>
    <message>
        <source>Resume queue</source>
        <translation>Reprendre la file d’attente</translation>
    </message>
    <message>
        <source>Resume workflow</source>
        <translation>Reprendre le workflow</translation>
    </message>
    <message>
        <source>Resume workflow {adw_id}</source>
        <translation>Reprendre le workflow {adw_id}</translation>
    </message>
    <message>
        <source>Resync history</source>
        <translation>Resynchroniser l’historique</translation>
    </message>
    <message>
        <source>Routes</source>
        <translation>Routes</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Exécutions</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Services</translation>
    </message>
    <message>
        <source>Start webhook service</source>
        <translation>Démarrer le service webhook</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Démarré</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Success rate</source>
        <translation>Taux de réussite</translation>
    </message>
    <message>
        <source>Successful</source>
        <translation>Réussis</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <source>System status</source>
        <translation>État du système</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>The server has no state for this workflow</source>
        <translation>Le serveur n’a aucun état pour ce workflow</translation>
    </message>
    <message>
        <source>The webhook service reports an error: {/message}</source>
        <translation>Le service webhook signale une erreur&#xa0;: {/message}</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Total cost</source>
        <translation>Coût total</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Mis à jour</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>Durée de fonctionnement</translation>
    </message>
    <message>
        <source>Webhooks</source>
        <translation>Webhooks</translation>
    </message>
    <message>
        <source>Workflow history</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Workflow type</source>
        <translation>Type de workflow</translation>
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
        <translation>Arbre de travail</translation>
    </message>
    <message numerus="yes">
        <source>%n feature(s)</source>
        <translation>
            <numerusform>%n fonctionnalité</numerusform>
            <numerusform>%n fonctionnalités</numerusform>
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
            <numerusform>%n échec récent</numerusform>
            <numerusform>%n échecs récents</numerusform>
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
            <numerusform>%n exécution</numerusform>
            <numerusform>%n exécutions</numerusform>
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
            <numerusform>%n valeur</numerusform>
            <numerusform>%n valeurs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n workflow(s)</source>
        <translation>
            <numerusform>%n workflow</numerusform>
            <numerusform>%n workflows</numerusform>
        </translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>ADW {adw_id} ({title}) failed in {current_phase}: {last_error}</source>
        <translation>ADW {adw_id} ({title}) en échec dans {current_phase}&#xa0;: {last_error}</translation>
    </message>
    <message>
        <source>ADW {adw_id} ({title}) has been in {current_phase} at {phase_progress} % for 2 hours</source>
        <translation>ADW {adw_id} ({title}) est dans {current_phase} à {phase_progress}&#xa0;% depuis 2 heures</translation>
    </message>
    <message>
        <source>Queue paused too long</source>
        <translation>File d’attente en pause trop longtemps</translation>
    </message>
    <message>
        <source>Queue phase failed</source>
        <translation>Échec d’une phase de la file d’attente</translation>
    </message>
    <message>
        <source>Running workflow makes no progress</source>
        <translation>Le workflow en cours n’avance pas</translation>
    </message>
    <message>
        <source>Service not healthy</source>
        <translation>Service non opérationnel</translation>
    </message>
    <message>
        <source>System status is {$value}: {/summary/healthy_services} of {/summary/total_services} services healthy</source>
        <translation>L’état du système est {$value}&#xa0;: {/summary/healthy_services} services opérationnels sur {/summary/total_services}</translation>
    </message>
    <message>
        <source>System status not healthy</source>
        <translation>État du système non opérationnel</translation>
    </message>
    <message>
        <source>The queue has been paused for more than 20 minutes</source>
        <translation>La file d’attente est en pause depuis plus de 20 minutes</translation>
    </message>
    <message>
        <source>Webhook success rate below 90 %</source>
        <translation>Taux de réussite des webhooks inférieur à 90&#xa0;%</translation>
    </message>
    <message>
        <source>Webhook success rate is {$value} ({/stats/failed} of {/stats/total_received} failed)</source>
        <translation>Le taux de réussite des webhooks est de {$value} ({/stats/failed} échecs sur {/stats/total_received})</translation>
    </message>
    <message>
        <source>Workflow failed</source>
        <translation>Échec du workflow</translation>
    </message>
    <message>
        <source>{name} is {status}: {message}</source>
        <translation>{name} est {status}&#xa0;: {message}</translation>
    </message>
    <message>
        <source>{phase_data.title} failed: {error_message}</source>
        <translation>Échec de {phase_data.title}&#xa0;: {error_message}</translation>
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
        <translation>en attente</translation>
    </message>
    <message>
        <source>firing</source>
        <translation>déclenchée</translation>
    </message>
    <message>
        <source>error</source>
        <translation>erreur</translation>
    </message>
    <message>
        <source>%1 (just now)</source>
        <translation>%1 (à l’instant)</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n min ago)</source>
        <translation>
            <numerusform>%1 (il y a %n min)</numerusform>
            <numerusform>%1 (il y a %n min)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n h ago)</source>
        <translation>
            <numerusform>%1 (il y a %n h)</numerusform>
            <numerusform>%1 (il y a %n h)</numerusform>
        </translation>
    </message>
    <message>
        <source>pending: %1</source>
        <translation>en attente&#xa0;: %1</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>critique</translation>
    </message>
    <message>
        <source>info</source>
        <translation>info</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>avertissement</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>aucune donnée</translation>
    </message>
    <message>
        <source>, silenced until %1</source>
        <translation>, notifications coupées jusqu’à %1</translation>
    </message>
    <message>
        <source>the feed</source>
        <translation>le flux</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Règle</translation>
    </message>
    <message>
        <source>Feed</source>
        <translation>Flux</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravité</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Depuis</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Lignes</translation>
    </message>
</context>
<context>
    <name>RulesPanel</name>
    <message>
        <source>Rules panel</source>
        <translation>Panneau des règles</translation>
    </message>
    <message>
        <source>Alert rules</source>
        <translation>Règles d’alerte</translation>
    </message>
    <message>
        <source>Silence</source>
        <translation>Couper</translation>
    </message>
    <message>
        <source>No desktop notification for the selected rule for a while</source>
        <translation>Plus de notification du bureau pour la règle sélectionnée pendant un moment</translation>
    </message>
    <message>
        <source>For 1 hour</source>
        <translation>Pendant 1 heure</translation>
    </message>
    <message>
        <source>For 4 hours</source>
        <translation>Pendant 4 heures</translation>
    </message>
    <message>
        <source>For 1 day</source>
        <translation>Pendant 1 jour</translation>
    </message>
    <message>
        <source>Notify again</source>
        <translation>Notifier à nouveau</translation>
    </message>
    <message>
        <source>No alert rules.</source>
        <translation>Aucune règle d’alerte.</translation>
    </message>
    <message numerus="yes">
        <source>%n rule(s):</source>
        <translation>
            <numerusform>%n règle&#xa0;:</numerusform>
            <numerusform>%n règles&#xa0;:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n firing</source>
        <translation>
            <numerusform>%n déclenchée</numerusform>
            <numerusform>%n déclenchées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pending</source>
        <translation>
            <numerusform>%n en attente</numerusform>
            <numerusform>%n en attente</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n in error</source>
        <translation>
            <numerusform>%n en erreur</numerusform>
            <numerusform>%n en erreur</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a rule to see what it says.</source>
        <translation>Sélectionner une règle pour voir son contenu.</translation>
    </message>
</context>
<context>
    <name>ServiceTiles</name>
    <message>
        <source>Services</source>
        <translation>Services</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Connect timeout (ms)</source>
        <translation>Délai de connexion (ms)</translation>
    </message>
    <message>
        <source>First retry after (ms)</source>
        <translation>Première tentative après (ms)</translation>
    </message>
    <message>
        <source>Longest retry delay (ms)</source>
        <translation>Délai maximal entre tentatives (ms)</translation>
    </message>
    <message>
        <source>Heartbeat every (ms)</source>
        <translation>Signal de vie toutes les (ms)</translation>
    </message>
    <message>
        <source>Dead after silence (ms)</source>
        <translation>Liaison morte après un silence de (ms)</translation>
    </message>
    <message>
        <source>Open circuit after failures</source>
        <translation>Disjoncteur ouvert après échecs</translation>
    </message>
    <message>
        <source>Circuit stays open (ms)</source>
        <translation>Disjoncteur reste ouvert (ms)</translation>
    </message>
    <message>
        <source>Stable after (ms)</source>
        <translation>Stable après (ms)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>%1 error</source>
        <translation>Erreur pour %1</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <source>Server URL</source>
        <translation>URL du serveur</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Jeton</translation>
    </message>
    <message>
        <source>Several backends are configured; edit their servers in the file.</source>
        <translation>Plusieurs backends sont configurés&#xa0;; modifiez leurs serveurs dans le fichier.</translation>
    </message>
    <message>
        <source>This session&apos;s server comes from the command line; the value here is saved for later sessions.</source>
        <translation>Le serveur de cette session vient de la ligne de commande&#xa0;; la valeur saisie ici est enregistrée pour les sessions suivantes.</translation>
    </message>
    <message>
        <source>Connection timing</source>
        <translation>Temporisations de connexion</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Enregistré dans %1</translation>
    </message>
    <message>
        <source>The token is read from %1 (auth.token_file); edit that file to change it.</source>
        <translation>Le jeton est lu dans %1 (auth.token_file)&#xa0;; modifiez ce fichier pour le changer.</translation>
    </message>
    <message>
        <source>Saved in the system keychain (%1), not in the configuration file.</source>
        <translation>Enregistré dans le trousseau du système (%1), pas dans le fichier de configuration.</translation>
    </message>
    <message>
        <source>Saved in %1, readable only by you, not in the configuration file (no keychain: %2).</source>
        <translation>Enregistré dans %1, lisible par vous seul, pas dans le fichier de configuration (pas de trousseau&#xa0;: %2).</translation>
    </message>
    <message>
        <source>Settings error</source>
        <translation>Erreur de paramètres</translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <source>&amp;Show Feedwatch</source>
        <translation>&amp;Afficher Feedwatch</translation>
    </message>
    <message>
        <source>&amp;Reconnect all</source>
        <translation>&amp;Reconnecter tout</translation>
    </message>
    <message>
        <source>S&amp;ilence notifications</source>
        <translation>Couper les &amp;notifications</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message numerus="yes">
        <source>Feedwatch — %1/%n feed(s) live</source>
        <translation>
            <numerusform>Feedwatch — %1/%n flux en direct</numerusform>
            <numerusform>Feedwatch — %1/%n flux en direct</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrustCertificateDialog</name>
    <message>
        <source>Trust this certificate?</source>
        <translation>Faire confiance à ce certificat&#xa0;?</translation>
    </message>
    <message>
        <source>Trust this certificate</source>
        <translation>Faire confiance à ce certificat</translation>
    </message>
    <message>
        <source>%1:%2</source>
        <translation>%1:%2</translation>
    </message>
    <message>
        <source>The server at &lt;b&gt;%1&lt;/b&gt; presented a certificate Feedwatch does not trust. Trust it only if you have checked its SHA-256 fingerprint with the server&apos;s administrator: anyone between you and the server could present a certificate like this one.</source>
        <translation>Le serveur &lt;b&gt;%1&lt;/b&gt; a présenté un certificat auquel Feedwatch ne fait pas confiance. Ne lui faites confiance que si vous avez vérifié son empreinte SHA-256 auprès de l’administrateur du serveur&#xa0;: n’importe qui entre vous et le serveur pourrait présenter un certificat comme celui-ci.</translation>
    </message>
    <message>
        <source>self-signed</source>
        <translation>auto-signé</translation>
    </message>
    <message>
        <source>issued by an unknown CA</source>
        <translation>émis par une autorité inconnue</translation>
    </message>
    <message>
        <source>issued for another host name</source>
        <translation>émis pour un autre nom d’hôte</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>expiré</translation>
    </message>
    <message>
        <source>not valid yet</source>
        <translation>pas encore valide</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>révoqué</translation>
    </message>
    <message>
        <source>other verification error</source>
        <translation>autre erreur de vérification</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Hôte</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <source>Issued to</source>
        <translation>Émis pour</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>Émis par</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Valide à partir du</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Valide jusqu’au</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint</source>
        <translation>Empreinte SHA-256</translation>
    </message>
    <message>
        <source>Feedwatch will accept exactly this certificate on %1, and only the errors above. Other hosts, other ports and any other certificate are still verified. The exception is saved to the configuration file (tls.trusted_certificates).</source>
        <translation>Feedwatch acceptera exactement ce certificat sur %1, et seulement les erreurs ci-dessus. Les autres hôtes, les autres ports et tout autre certificat restent vérifiés. L’exception est enregistrée dans le fichier de configuration (tls.trusted_certificates).</translation>
    </message>
    <message>
        <source>I have checked the fingerprint with the server&apos;s administrator</source>
        <translation>J’ai vérifié l’empreinte auprès de l’administrateur du serveur</translation>
    </message>
    <message>
        <source>&amp;Trust this certificate</source>
        <translation>&amp;Faire confiance au certificat</translation>
    </message>
</context>
</TS>
