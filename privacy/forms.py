from django import forms


class SignupConsentForm(forms.Form):
    def signup(self, request, user):
        pass
