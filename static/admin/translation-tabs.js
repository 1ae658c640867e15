/*
 * The language tabs of the admin (English / Russian) without jQuery UI.
 * modeltranslation calls jQuery UI's tabs(); its default is a CDN that an offline newsroom cannot reach,
 * so this file provides just the part of tabs() it uses: build, switch on click, and the "active" option.
 */
(function ($) {
  "use strict";

  function activate($container, index) {
    var $items = $container.children("ul").first().children("li");
    var $panels = $container.children("div");
    var $old = $items.filter(".ui-tabs-active");
    $items.removeClass("ui-tabs-active ui-state-active").attr("aria-selected", "false");
    $items.eq(index).addClass("ui-tabs-active ui-state-active").attr("aria-selected", "true");
    $panels.hide().eq(index).show();
    if ($old.length && $old[0] !== $items[index]) {
      $container.trigger("tabsactivate", [{ newTab: $items.eq(index), oldTab: $old }]);
    }
  }

  $.fn.tabs = function (options, name, value) {
    if (options === "option") {
      return this.each(function () {
        if (name === "active") {
          activate($(this), value);
        }
      });
    }
    return this.each(function () {
      var $container = $(this).addClass("ui-tabs ui-widget");
      $container.children("ul").first().addClass("ui-tabs-nav").attr("role", "tablist")
        .children("li").attr("role", "tab").each(function (index) {
          $(this).children("a").on("click", function (event) {
            event.preventDefault();
            activate($container, index);
          });
        });
      $container.children("div").addClass("ui-tabs-panel").attr("role", "tabpanel");
      activate($container, (options && options.active) || 0);
    });
  };
})(window.jQuery || django.jQuery);
