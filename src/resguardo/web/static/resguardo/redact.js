/* "Redact a text", made quicker with JavaScript: a live preview of the redacted text while
   findings are ticked and unticked, and Copy buttons. Everything works without this file:
   the page is plain forms. Nothing leaves the page: no request is made from here. */
(function () {
  "use strict";

  var source = document.getElementById("redact-source");
  var preview = document.getElementById("redact-preview");

  function redactedText() {
    var parts = [];
    source.childNodes.forEach(function (node) {
      if (node.nodeType === Node.TEXT_NODE) {
        parts.push(node.data);
      } else if (node.nodeType === Node.ELEMENT_NODE && node.classList.contains("finding")) {
        var box = node.querySelector("input[type=checkbox]");
        var value = node.querySelector(".value");
        // no checkbox: too many findings to choose, every one is redacted
        var redacted = box ? box.checked : true;
        parts.push(redacted ? node.getAttribute("data-replacement") : (value ? value.textContent : ""));
      }
    });
    return parts.join("");
  }

  if (source && preview) {
    var update = function () { preview.value = redactedText(); };
    source.addEventListener("change", update);
    update();
    document.getElementById("redact-preview-box").hidden = false;
  }

  function copied(button, ok) {
    var status = button.parentNode.querySelector(".copy-status");
    if (status) {
      status.textContent = status.getAttribute(ok ? "data-copied" : "data-failed");
    }
  }

  function copyFrom(button) {
    var target = document.getElementById(button.getAttribute("data-copy"));
    if (!target) {
      return;
    }
    var fallback = function () {
      target.focus();
      target.select();
      var ok = false;
      try {
        ok = document.execCommand("copy");
      } catch (e) {
        ok = false;
      }
      copied(button, ok);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(target.value).then(function () { copied(button, true); }, fallback);
    } else {
      fallback();
    }
  }

  document.querySelectorAll("button[data-copy]").forEach(function (button) {
    var line = button.closest(".copy-line");
    if (line) {
      line.hidden = false;
    }
    button.addEventListener("click", function () { copyFrom(button); });
  });
})();
