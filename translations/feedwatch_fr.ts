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
    <name>BackendOverview</name>
    <message>
        <source>Backends overview</source>
        <translation>Vue d&apos;ensemble des backends</translation>
    </message>
    <message>
        <source>Backends</source>
        <translation>Backends</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <source>Feeds live</source>
        <translation>Flux en direct</translation>
    </message>
    <message>
        <source>Worst state</source>
        <translation>Pire état</translation>
    </message>
    <message>
        <source>%1/%2 live</source>
        <translation>%1/%2 en direct</translation>
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
        <source>stopped: configuration error</source>
        <translation>arrêté&#xa0;: erreur de configuration</translation>
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
</context>
<context>
    <name>FeedActions</name>
    <message>
        <source>Operator actions</source>
        <translation>Actions de l’opérateur</translation>
    </message>
    <message>
        <source>Pause queue</source>
        <translation>Suspendre la file d’attente</translation>
    </message>
    <message>
        <source>Execute phase</source>
        <translation>Exécuter la phase</translation>
    </message>
    <message>
        <source>Remove phase…</source>
        <translation>Retirer la phase…</translation>
    </message>
    <message>
        <source>Retry phase</source>
        <translation>Relancer la phase</translation>
    </message>
    <message>
        <source>Trigger workflow…</source>
        <translation>Lancer un workflow…</translation>
    </message>
    <message>
        <source>Start a workflow for a GitHub issue</source>
        <translation>Démarrer un workflow pour un ticket GitHub</translation>
    </message>
    <message>
        <source>Last command</source>
        <translation>Dernière commande</translation>
    </message>
    <message>
        <source>Pausing…</source>
        <translation>Suspension…</translation>
    </message>
    <message>
        <source>A pause is on its way; see Commands to cancel it</source>
        <translation>Une suspension est en route&#xa0;; voir Commandes pour l’annuler</translation>
    </message>
    <message>
        <source>Resuming…</source>
        <translation>Reprise…</translation>
    </message>
    <message>
        <source>A resume is on its way; see Commands to cancel it</source>
        <translation>Une reprise est en route&#xa0;; voir Commandes pour l’annuler</translation>
    </message>
    <message>
        <source>Resume queue</source>
        <translation>Reprendre la file d’attente</translation>
    </message>
    <message>
        <source>Let the queue start new phases again</source>
        <translation>Permettre à nouveau à la file d’attente de démarrer de nouvelles phases</translation>
    </message>
    <message>
        <source>Stop the queue from starting new phases</source>
        <translation>Empêcher la file d’attente de démarrer de nouvelles phases</translation>
    </message>
    <message>
        <source>Select a ready phase to execute it</source>
        <translation>Sélectionner une phase prête pour l’exécuter</translation>
    </message>
    <message>
        <source>Start phase %1 now</source>
        <translation>Démarrer la phase %1 maintenant</translation>
    </message>
    <message>
        <source>Only a ready phase can be executed; %1 is %2</source>
        <translation>Seule une phase prête peut être exécutée&#xa0;; état de %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Select a failed phase to retry it</source>
        <translation>Sélectionner une phase échouée pour la relancer</translation>
    </message>
    <message>
        <source>Put phase %1 back in the queue</source>
        <translation>Remettre la phase %1 dans la file d’attente</translation>
    </message>
    <message>
        <source>Only a failed phase can be retried; %1 is %2</source>
        <translation>Seule une phase échouée peut être relancée&#xa0;; état de %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Select a phase to remove it from the queue</source>
        <translation>Sélectionner une phase pour la retirer de la file d’attente</translation>
    </message>
    <message>
        <source>A running phase cannot be removed</source>
        <translation>Une phase en cours ne peut pas être retirée</translation>
    </message>
    <message>
        <source>Remove phase %1 from the queue</source>
        <translation>Retirer la phase %1 de la file d’attente</translation>
    </message>
    <message>
        <source>Workflows are triggered on the workflows feed, which is not configured</source>
        <translation>Les workflows sont lancés sur le flux des workflows, qui n’est pas configuré</translation>
    </message>
    <message>
        <source>⧗ %1: sending…</source>
        <translation>⧗ %1&#xa0;: envoi…</translation>
    </message>
    <message>
        <source>⧗ %1: queued — goes out when %2 is live again</source>
        <translation>⧗ %1&#xa0;: en file — part quand %2 sera de nouveau en direct</translation>
    </message>
    <message>
        <source>Execute phase %1</source>
        <translation>Exécuter la phase %1</translation>
    </message>
    <message>
        <source>Remove phase %1</source>
        <translation>Retirer la phase %1</translation>
    </message>
    <message>
        <source>Retry phase %1</source>
        <translation>Relancer la phase %1</translation>
    </message>
    <message>
        <source>Trigger workflow for issue #%1</source>
        <translation>Lancer un workflow pour le ticket #%1</translation>
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
        <source>Remove phase</source>
        <translation>Retirer la phase</translation>
    </message>
    <message>
        <source>Remove phase %1 from the queue?</source>
        <translation>Retirer la phase %1 de la file d’attente&#xa0;?</translation>
    </message>
    <message>
        <source>The backend drops the phase; this cannot be undone once sent.</source>
        <translation>Le backend abandonne la phase&#xa0;; une fois la commande envoyée, c’est irréversible.</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
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
    <name>FeedPages</name>
    <message>
        <source>Queue paused — new phases are not started</source>
        <translation>File d&apos;attente en pause — aucune nouvelle phase ne démarre</translation>
    </message>
    <message>
        <source>All systems healthy</source>
        <translation>Tous les systèmes sont opérationnels</translation>
    </message>
    <message>
        <source>Degraded — some services report problems</source>
        <translation>Dégradé — certains services signalent des problèmes</translation>
    </message>
    <message>
        <source>Error — at least one service is down</source>
        <translation>Erreur — au moins un service est en panne</translation>
    </message>
    <message>
        <source>Overall status: %1</source>
        <translation>État global&#xa0;: %1</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>File d&apos;attente</translation>
    </message>
    <message>
        <source>Workflows</source>
        <translation>Workflows</translation>
    </message>
    <message>
        <source>System status</source>
        <translation>État du système</translation>
    </message>
    <message>
        <source>ADW monitor</source>
        <translation>Moniteur ADW</translation>
    </message>
    <message>
        <source>Routes</source>
        <translation>Routes</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Planned features</source>
        <translation>Fonctionnalités prévues</translation>
    </message>
    <message>
        <source>Webhooks</source>
        <translation>Webhooks</translation>
    </message>
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
            <numerusform>%n exécution</numerusform>
            <numerusform>%n exécutions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n feature(s)</source>
        <translation>
            <numerusform>%n fonctionnalité</numerusform>
            <numerusform>%n fonctionnalités</numerusform>
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
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n ligne</numerusform>
            <numerusform>%n lignes</numerusform>
        </translation>
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
        <source>1 command waiting</source>
        <translation>1 commande en attente</translation>
    </message>
    <message>
        <source>%1 commands waiting</source>
        <translation>%1 commandes en attente</translation>
    </message>
</context>
<context>
    <name>FeedSchema</name>
    <message>
        <source>expected %1, got %2</source>
        <translation>%1 attendu, %2 reçu</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) skipped: not an object, without a key or a duplicate key</source>
        <translation>
            <numerusform>%n ligne ignorée&#xa0;: pas un objet, sans clé ou clé en double</numerusform>
            <numerusform>%n lignes ignorées&#xa0;: pas un objet, sans clé ou clé en double</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FeedSchemas</name>
    <message>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>Queue ID</source>
        <translation>ID de file</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Sub-issue</source>
        <translation>Sous-ticket</translation>
    </message>
    <message>
        <source>ADW ID</source>
        <translation>ID ADW</translation>
    </message>
    <message>
        <source>PR</source>
        <translation>PR</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créé</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Démarré</translation>
    </message>
    <message>
        <source>GitHub</source>
        <translation>GitHub</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>Durée de fonctionnement</translation>
    </message>
    <message>
        <source>Response (ms)</source>
        <translation>Réponse (ms)</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation>Dernière activité</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Méthode</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Chemin</translation>
    </message>
    <message>
        <source>Handler</source>
        <translation>Gestionnaire</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Coût</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <source>Estimate (h)</source>
        <translation>Estimation (h)</translation>
    </message>
    <message>
        <source>Webhook</source>
        <translation>Webhook</translation>
    </message>
    <message>
        <source>Last received</source>
        <translation>Dernière réception</translation>
    </message>
    <message>
        <source>Events (24h)</source>
        <translation>Événements (24 h)</translation>
    </message>
    <message>
        <source>Failures (24h)</source>
        <translation>Échecs (24 h)</translation>
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
        <source>%1, %2 commands waiting</source>
        <translation>%1, %2 commandes en attente</translation>
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
</context>
<context>
    <name>ServiceTiles</name>
    <message>
        <source>Services</source>
        <translation>Services</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
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
        <source>Saved, but not applied: %1</source>
        <translation>Enregistré, mais pas appliqué&#xa0;: %1</translation>
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
        <source>The token could not be saved: %1</source>
        <translation>Le jeton n’a pas pu être enregistré&#xa0;: %1</translation>
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
    <name>TriggerWorkflowDialog</name>
    <message>
        <source>Trigger workflow</source>
        <translation>Lancer un workflow</translation>
    </message>
    <message>
        <source>Starts a workflow for a GitHub issue. The command goes out on the %1 feed; while that feed is down it waits in the journal and is sent once the link is back.</source>
        <translation>Démarre un workflow pour un ticket GitHub. La commande part sur le flux %1&#xa0;; tant que ce flux est en panne, elle attend dans le journal et sera envoyée dès que la liaison sera rétablie.</translation>
    </message>
    <message>
        <source>Issue number</source>
        <translation>Numéro de ticket</translation>
    </message>
    <message>
        <source>e.g. 142</source>
        <translation>p.&#xa0;ex. 142</translation>
    </message>
    <message>
        <source>&amp;Issue number</source>
        <translation>&amp;Numéro de ticket</translation>
    </message>
    <message>
        <source>&amp;Trigger</source>
        <translation>&amp;Lancer</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number: type the issue&apos;s number, e.g. 142</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un nombre&#xa0;: saisissez le numéro du ticket, p.&#xa0;ex. 142</translation>
    </message>
    <message>
        <source>An issue number is 1 or more</source>
        <translation>Un numéro de ticket vaut 1 ou plus</translation>
    </message>
    <message>
        <source>%1 is too large for an issue number</source>
        <translation>%1 est trop grand pour un numéro de ticket</translation>
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
