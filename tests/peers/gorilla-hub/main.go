// A Feedwatch backend on gorilla/websocket (Debian package golang-github-gorilla-websocket-dev),
// shaped like the hub of seed 003: a hub goroutine owns the clients (register, unregister,
// broadcast); each client has a read pump and a write pump, both goroutines; the write pump sends
// RFC 6455 ping frames every -ping period and the read pump drops a client whose pong is late.
// JSON {"type":"ping"} gets {"type":"pong"}. The hub broadcasts a queue snapshot every second.
//
// Prints "PORT <n>" on stdout once it listens (-port 0 lets the OS choose).
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"sync/atomic"
	"time"

	"github.com/gorilla/websocket"
)

var (
	pingPeriod = flag.Duration("ping", 300*time.Millisecond, "server ping frame period")
	pongWait   = flag.Duration("pong-wait", 700*time.Millisecond, "read deadline after a pong")
	writeWait  = 2 * time.Second
	upgrader   = websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}
	serverID   = fmt.Sprintf("gorilla-%d", time.Now().UnixNano())
)

type Client struct {
	id   int
	hub  *Hub
	conn *websocket.Conn
	send chan []byte
}

type Hub struct {
	clients    map[*Client]bool
	register   chan *Client
	unregister chan *Client
	broadcast  chan []byte
}

func newHub() *Hub {
	return &Hub{
		clients:    make(map[*Client]bool),
		register:   make(chan *Client),
		unregister: make(chan *Client),
		broadcast:  make(chan []byte, 16),
	}
}

func (h *Hub) run() {
	for {
		select {
		case c := <-h.register:
			h.clients[c] = true
		case c := <-h.unregister:
			if h.clients[c] {
				delete(h.clients, c)
				close(c.send)
			}
		case m := <-h.broadcast:
			for c := range h.clients {
				select {
				case c.send <- m:
				default: // a client that cannot keep up is dropped, not waited for
					delete(h.clients, c)
					close(c.send)
				}
			}
		}
	}
}

func snapshot(tick int) []byte {
	phases := []map[string]interface{}{}
	for i := 0; i < 3; i++ {
		phases = append(phases, map[string]interface{}{
			"queue_id": fmt.Sprintf("q%d", i), "phase_number": i, "status": "queued",
			"phase_data": map[string]string{"title": fmt.Sprintf("gorilla phase %d", i)},
		})
	}
	b, _ := json.Marshal(map[string]interface{}{
		"type": "queue_update",
		"data": map[string]interface{}{"phases": phases, "paused": false, "tick": tick},
	})
	return b
}

// readPump ends the client: its exit unregisters, which closes send and so ends the write pump.
func (c *Client) readPump() {
	defer func() {
		c.hub.unregister <- c
		c.conn.Close()
	}()
	c.conn.SetReadLimit(1 << 20)
	c.conn.SetReadDeadline(time.Now().Add(*pongWait + *pingPeriod))
	c.conn.SetPongHandler(func(string) error {
		return c.conn.SetReadDeadline(time.Now().Add(*pongWait + *pingPeriod))
	})
	for {
		_, message, err := c.conn.ReadMessage()
		if err != nil {
			return
		}
		var msg map[string]interface{}
		if json.Unmarshal(message, &msg) != nil {
			continue
		}
		if msg["type"] == "ping" {
			b, _ := json.Marshal(map[string]interface{}{
				"type": "pong", "timestamp": msg["timestamp"],
				"server_time": time.Now().UnixMilli(),
			})
			select {
			case c.send <- b:
			default:
			}
		}
	}
}

func (c *Client) writePump() {
	ticker := time.NewTicker(*pingPeriod)
	defer func() {
		ticker.Stop()
		c.conn.Close()
	}()
	for {
		select {
		case message, ok := <-c.send:
			c.conn.SetWriteDeadline(time.Now().Add(writeWait))
			if !ok {
				c.conn.WriteMessage(websocket.CloseMessage, []byte{})
				return
			}
			if err := c.conn.WriteMessage(websocket.TextMessage, message); err != nil {
				return
			}
		case <-ticker.C:
			c.conn.SetWriteDeadline(time.Now().Add(writeWait))
			if err := c.conn.WriteMessage(websocket.PingMessage, nil); err != nil {
				return
			}
		}
	}
}

func main() {
	port := flag.Int("port", 0, "TCP port on 127.0.0.1")
	flag.Parse()
	hub := newHub()
	go hub.run()
	go func() {
		for tick := 1; ; tick++ {
			time.Sleep(time.Second)
			hub.broadcast <- snapshot(tick)
		}
	}()
	var next atomic.Int64
	http.HandleFunc("/api/v1/ws/", func(w http.ResponseWriter, r *http.Request) {
		conn, err := upgrader.Upgrade(w, r, nil)
		if err != nil {
			return
		}
		c := &Client{id: int(next.Add(1)), hub: hub, conn: conn, send: make(chan []byte, 256)}
		hello, _ := json.Marshal(map[string]interface{}{
			"type": "hello", "server_id": serverID,
			"connection_id": fmt.Sprintf("g%d", c.id), "capabilities": []string{"ping"},
		})
		c.send <- hello
		c.send <- snapshot(0)
		hub.register <- c
		// Both pumps are goroutines (seed 003's fix): the handler returns at once.
		go c.writePump()
		go c.readPump()
	})
	listener, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", *port))
	if err != nil {
		log.Print(err)
		os.Exit(1)
	}
	fmt.Printf("PORT %d\n", listener.Addr().(*net.TCPAddr).Port)
	os.Stdout.Sync()
	log.Fatal(http.Serve(listener, nil))
}
