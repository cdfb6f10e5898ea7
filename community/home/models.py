"""Where a member stands in the guided onboarding (the steps themselves are in steps.py)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Onboarding(models.Model):
    """The onboarding steps a member completed; ``finished_at`` once every step is done."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="onboarding",
        verbose_name=_("member"),
    )
    steps_done = models.JSONField(_("steps completed"), default=list, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("onboarding")
        verbose_name_plural = _("onboardings")

    def __str__(self):
        return f"{self.user_id}: {', '.join(self.steps_done)}"
